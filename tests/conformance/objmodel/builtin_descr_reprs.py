# reprs of slot wrappers, method descriptors, method-wrappers and bound builtin methods
def at(r):
    return r.split(' at 0x')[0]
print(repr(list.__iter__))
print(repr(int.__add__), repr(object.__init__), repr(object.__eq__))
print(repr(list.append), repr(frozenset.__contains__), repr(str.join))
print(at(repr([].__iter__)), at(repr((5).__add__)))
print(at(repr([].append)), at(repr(dict.fromkeys)))
print(at(repr(list.__new__)))
class C: pass
print(at(repr(C().__eq__)), at(repr(C().__init__)))
