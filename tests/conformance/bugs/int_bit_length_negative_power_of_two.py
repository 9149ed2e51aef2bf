# bug: (-(2**64)).bit_length() was 64 (two's complement length) where Python gives 65 (the magnitude's)
for k in [1, 7, 8, 31, 63, 64, 100]:
    print(k, (-(2 ** k)).bit_length(), (2 ** k).bit_length(), (-(2 ** k) + 1).bit_length())
