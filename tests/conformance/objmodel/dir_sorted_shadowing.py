# dir: a name in the instance and in the class appears once; the result is sorted by code point
class C:
    B = 1
    a = 2
c = C()
c.a = 3
c._z = 4
c.Z = 5
print([n for n in dir(c) if not n.startswith('__')])
