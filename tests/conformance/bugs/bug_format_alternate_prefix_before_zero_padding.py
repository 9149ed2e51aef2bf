# format() with '#' and zero padding (or '=' alignment) puts the 0x/0o/0b prefix before the padding.
for spec in ("#012x", "#012X", "#010o", "#012b", "*=#10x", "#08x", "+#010x", " #010b", "#3x", "#010d"):
    print(repr(spec), repr(format(255, spec)), repr(format(-255, spec)), repr(f"{4096:{spec}}"))
print("%#010x" % 255, "%#010o" % 8)
