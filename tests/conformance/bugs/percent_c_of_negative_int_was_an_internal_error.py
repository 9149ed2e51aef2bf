# '%c' % -1 (and format(-1, 'c'), f'{-1:c}') was an internal error (Java refused the code point); 3.11
# raises OverflowError "%c arg not in range(0x110000)" for any int outside 0..0x10FFFF, and bytes'
# %c says range(256). test_format's '%c' % -1 case ended the whole run.
for v in (-1, 0x110000, 2**70, -2**70, 65, 0x10FFFF):
    for f in (lambda v: '%c' % v, lambda v: format(v, 'c'), lambda v: f'{v:>3c}'):
        try:
            print(ascii(f(v)))
        except Exception as e:
            print(type(e).__name__, e)
for v in (-1, 256, 65):
    try:
        print(b'%c' % v)
    except Exception as e:
        print(type(e).__name__, e)
