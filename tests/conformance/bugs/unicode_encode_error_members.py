# UnicodeEncodeError was registered twice, so the builtin name was a type without its members:
# encoding/object/start/end/reason of an instance made in Python raised AttributeError
e = UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'ordinal not in range(128)')
print(e.encoding, repr(e.object), e.start, e.end, e.reason)
print(sorted(k for k in UnicodeEncodeError.__dict__ if not k.startswith('__')))
e.start = 0
print(e)
try:
    'a\xe9'.encode('ascii')
except UnicodeEncodeError as x:
    print(type(x) is UnicodeEncodeError, x.start, x.end)
