# defining __eq__ without __hash__ makes the class unhashable (__hash__ is None in its dict)
class E:
    def __eq__(self, other):
        return True
print(E.__dict__['__hash__'])
try:
    hash(E())
except TypeError as e:
    print(e)
try:
    {E(): 1}
except TypeError as e:
    print(e)
try:
    {E()}
except TypeError as e:
    print(e)
class H(E):
    def __hash__(self):
        return 7
print(hash(H()))
class Sub(E):
    pass
try:
    hash(Sub())
except TypeError as e:
    print(e)
class Both:
    def __eq__(self, o):
        return False
    __hash__ = object.__hash__
print(type(hash(Both())).__name__)
class Plain:
    pass
print(type(hash(Plain())).__name__, '__hash__' in Plain.__dict__)
