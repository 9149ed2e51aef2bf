# SyntaxError.__str__: lineno shown only when exactly an int, as a C long (out of range: -1); msg None when never set
for args in [('m', ('f', 2**70, 1, 't')), ('m', ('f', -5, 1, 't')), ('m', ('f', '3', 1, 't')), ('m', ('f', 3.5, 1, 't')), ('m', ('f', 2**63, 1, 't')), ('m', ('f', 2**31, 1, 't')), ('m', ('f', -2**70, 1, 't')),
             ('m', (None, 2**70, 1, 't')), ('m', ('f', None, 1, 't')), ('m', (5, 7, 1, 't')), ('m', ('/a/b/c.py', 7, 1, 't')), ('m', ('f', True, 1, 't')), (None, ('f', 1, 1, 't')), (5, ('f', 1, 1, 't'))]:
    try:
        e = SyntaxError(*args)
        print(repr(str(e)))
    except Exception as x:
        print('raised', type(x).__name__, x)
print(repr(str(SyntaxError())))
e = SyntaxError(); e.lineno = 3; print(repr(str(e)))
class I(int): pass
e = SyntaxError('m', ('f', I(3), 1, 't')); print(repr(str(e)))
e = SyntaxError('m', ('f', 2**64-1, 1, 't')); print(repr(str(e)))
e = SyntaxError('m', ('f', -2**63, 1, 't')); print(repr(str(e)))
e = SyntaxError('m', ('f', -2**63-1, 1, 't')); print(repr(str(e)))
