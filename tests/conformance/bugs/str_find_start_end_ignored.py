# str.find/rfind/index/count ignored their start and end arguments (json's error positions use
# doc.rfind('\n', 0, pos) and doc.count('\n', 0, pos)); rindex was missing
s = 'abcabc\u20acabc'
for args in [('b',), ('b', 2), ('b', 2, 4), ('b', -3), ('b', -3, -1), ('', 5), ('', 20), ('c', 1, 100), ('x',), ('b', None, 3), ('abc', 0, -1)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
print(s.index('c', 3), s.rindex('c', 0, 7))
for f in [lambda: s.index('x'), lambda: s.rindex('b', 9), lambda: s.find(), lambda: s.find('a', 'b')]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
