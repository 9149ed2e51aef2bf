# str.removeprefix and str.removesuffix were refused (NotImplementedError); email's generator calls
# removesuffix when it writes headers.
s = 'header\r\n'
print(repr(s.removesuffix('\r\n')), repr(s.removeprefix('head')), s.removesuffix('x') is s, s.removeprefix('') is s)
class S(str): pass
t = S('abc')
print(type(t.removeprefix('')).__name__, type(t.removesuffix('c')).__name__, repr('\U0001f600ab'.removeprefix('\U0001f600')))
for bad in ((1,), (), ('a', 'b')):
    try:
        'a'.removeprefix(*bad)
    except TypeError as e:
        print('TypeError', e)
