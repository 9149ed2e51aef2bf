# __hash__ = None makes a class unhashable; a subclass can restore hashing
class U:
    __hash__ = None
try:
    hash(U())
except TypeError as e:
    print(e)
class R(U):
    def __hash__(self):
        return 42
print(hash(R()), {R(): 1}.popitem()[1])
class EqOnlyInSub:
    pass
class Sub(EqOnlyInSub):
    def __eq__(self, other):
        return self is other
print(EqOnlyInSub.__hash__ is object.__hash__, Sub.__hash__)
