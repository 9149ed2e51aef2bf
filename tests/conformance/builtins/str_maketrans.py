# str.maketrans and bytes/bytearray.maketrans: static methods of the types (collections'
# UserString takes maketrans = str.maketrans in its class body).
print(type(str.__dict__['maketrans']).__name__, type(str.maketrans).__name__)
print(str.maketrans('abc', 'xyz'), str.maketrans('ab', 'cd', 'e'), str.maketrans({'a': 'b', 98: None, 'é': 1}))
print(str.maketrans({}), 'x'.maketrans('a', 'b'))
for args in [('abc',), (1, 2), ('ab', 'c'), ({'bc': 3},), ({1.5: 1},), ('a', 'b', 1), (1, 'a'), (), (1, 2, 3, 4)]:
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = bytes.maketrans(b'ab', bytearray(b'cd'))
print(type(t).__name__, len(t), t[95:100], type(bytearray.maketrans(b'', b'')).__name__)
for args in [(b'ab', b'c'), ('ab', b'c'), (b'a',)]:
    try:
        bytes.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
