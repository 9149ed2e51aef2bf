# Dropping the last reference runs __del__ immediately, at the del statement; earlier dels only decrement.
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = A('a')
b = a
print('before del a')
del a
print('before del b')
del b
print('after del b')
c = A('c')
c = None
print('after rebinding c')
