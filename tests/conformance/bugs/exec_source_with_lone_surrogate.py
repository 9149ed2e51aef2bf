# exec, eval and compile read a str source as UTF-8, as CPython does (PyUnicode_AsUTF8AndSize): a
# lone surrogate anywhere in it, even in a comment, is a UnicodeEncodeError before anything is
# compiled. refheap compiled such sources.
for src, how in [('x = "\ud800"', exec), ('"a\udcff"', eval), ('x = 1 # \ud800', lambda s: compile(s, 'f', 'exec')),
                 ('y = "\ud800\udc00"', exec)]:
    try:
        how(src)
        print('compiled')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
print(eval('"\\ud800" "\\udc00"') == '\ud800\udc00', len(eval('"\\ud800"')))
