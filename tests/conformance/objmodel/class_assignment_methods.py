# after __class__ assignment, methods, attribute caches and isinstance follow the new class
class A:
    def kind(self):
        return 'A'
class B:
    def kind(self):
        return 'B'
def call(o):
    return o.kind()
o = A()
o.v = 1
out = [call(o) for i in range(3)]
o.__class__ = B
out += [call(o) for i in range(3)]
print(out, o.v, isinstance(o, A), isinstance(o, B))
o.__class__ = A
print(call(o), vars(o))
