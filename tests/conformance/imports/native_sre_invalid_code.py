# _sre.compile refuses code the engine cannot run (RuntimeError 'invalid SRE code'): unknown opcodes, skips out of range, bad group numbers, repeat bodies without their end, sets out of order
import _sre
for code, groups in [([], 0), ([1], 0), ([15, 0, 1], 0), ([99, 1], 0), ([17, 4, 1], 1), ([11, 3, 1], 1), ([7, 0, 1], 0),
                     ([24, 100, 0, 1, 16, 97, 1, 1], 0), ([24, 6, 3, 1, 16, 97, 1, 1], 0), ([13, 4, 22, 98, 97, 0, 1], 0),
                     ([6, 40, 1], 0), ([8, 30, 1], 0), ([23, 6, 0, 5, 16, 97, 1, 1], 0), ([4, 4, 0, 16, 97, 1], 0),
                     ([16, 97, 1], 2 ** 31), ([16, 97, 1], -1)]:
    try:
        r = _sre.compile('x', 0, code, groups, {}, (None,) * 3)
        print(code, 'ok', r.match('a'))
    except Exception as e:
        print(code, type(e).__name__, e)
