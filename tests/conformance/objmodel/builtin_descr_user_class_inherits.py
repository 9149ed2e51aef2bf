# a class without its own methods shows object's slot wrappers; an instance gets method-wrappers
class C: pass
c = C()
print(C.__init__ is object.__init__, C.__repr__ is object.__repr__, C.__eq__ is object.__eq__, C.__hash__ is object.__hash__)
print(type(c.__eq__).__name__, type(c.__init__).__name__, type(c.__repr__).__name__, type(c.__dir__).__name__)
print(c.__eq__(c), c.__eq__(1), c.__ne__(1), c.__init__())
class D:
    def __eq__(self, o):
        return True
print(D.__eq__ is object.__eq__, D.__hash__, D.__ne__ is object.__ne__, D() != 1)
