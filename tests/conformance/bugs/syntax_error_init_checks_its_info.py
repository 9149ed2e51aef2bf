# SyntaxError(msg, info): info is made a tuple (a list or any iterable works), must have 4 to 6 items and an end_lineno needs an end_offset; the TypeErrors are SyntaxError_init's
cases = [("a", "b"), ("a", ("f", 1, 2, "t", 5)), ("a", ("f", 1, 2, "t", 5, 6, 7)), ("a", ("f", 1, 2)), ("a", 5), ("m", "x"), ("a", ())]
for args in cases:
    try:
        SyntaxError(*args)
        print(args, "made")
    except TypeError as x:
        print(args, "TypeError:", x)
e = SyntaxError('m', ['f', 4, 2, 't'])
print(repr(str(e)), e.args, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
e = SyntaxError('m', iter(['f', 4, 2, 't', 5, 6]))
print(repr(str(e)), e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
e = SyntaxError('m', 'f', 3)
print(repr(str(e)), e.args, e.filename, e.lineno)
class S(SyntaxError):
    pass
try:
    S('m', (1, 2))
except TypeError as x:
    print("S:", x)
print(str(S('m', ('a/b', 3, 1, 'x'))))
e = SyntaxError('m'); e.filename = 'x/y'; print(repr(str(e)))
e = SyntaxError('m'); e.filename = b'x/y'; print(repr(str(e)))
e = SyntaxError('m'); e.filename = 'a/'; e.lineno = 7; print(repr(str(e)))
e = SyntaxError('m'); e.msg = None; e.lineno = 2; print(repr(str(e)))
