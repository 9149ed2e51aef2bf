# Lone surrogates: len 1, ord, repr and ascii as 3.11; printing or encoding one raises UnicodeEncodeError (utf-8 stdout), the pieces before it are written
s = '\ud800'
print(len(s), ord(s), repr(s), s == chr(0xd800))
t = s + 'x'
print(len(t), repr(t), ascii(t))
try:
    print(s)
except UnicodeEncodeError as e:
    print('UEE', e)
try:
    s.encode()
except UnicodeEncodeError as e:
    print('UEE', e)
print('a', 'b\udfff', 'c')
