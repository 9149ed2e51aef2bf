# dir() with no argument: the sorted local names of the caller
def f(b, a=1):
    z = 3
    return dir()
print(f(2))
def g():
    return dir()
print(g())
class K:
    x = 1
    names = dir()
print(K.names)
