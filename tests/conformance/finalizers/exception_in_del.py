# An exception escaping __del__ is printed as 'Exception ignored in' on stderr and execution continues.
class Bad:
    def __del__(self):
        raise ValueError('boom in del')
b = Bad()
del b
print('still running')
def f():
    Bad()
    return 'f returned'
print(f())
