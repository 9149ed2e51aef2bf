# int() of a numeral returns the cached object exactly for -5..256.
for s in ['-6', '-5', '0', '255', '256', '257', '1000']:
    print(s, int(s) is int(s))
