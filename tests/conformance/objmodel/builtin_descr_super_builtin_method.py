# super() finds object's slot wrappers and binds them to the instance
class C:
    def __init__(self):
        self.v = 1
    def __repr__(self):
        return 'C'
    def show(self):
        return super().__repr__
c = C()
m = c.show()
print(type(m).__name__, m.__self__ is c, m().startswith('<__main__.C object at'))
print(type(super(C, c).__init__).__name__, super(C, c).__eq__(c), super(C, c).__hash__() == object.__hash__(c))
