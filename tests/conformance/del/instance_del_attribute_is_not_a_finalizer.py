# The finalizer is the class's __del__, looked up on the type only (slot_tp_finalize): an
# instance attribute named __del__ is not called when the object dies.
class A:
    def __del__(self):
        print('class __del__')

a = A()
a.__del__ = lambda: print('instance attribute')
del a
print('after del')

class B:
    pass

b = B()
b.__del__ = lambda: print('never called')
del b
print('done')
