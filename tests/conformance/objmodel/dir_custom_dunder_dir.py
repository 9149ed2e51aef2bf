# dir(obj) calls type(obj).__dir__ (not the instance's) and sorts what it returns
class C:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']
c = C()
c.__dir__ = lambda: ['ignored']
print(dir(c))
class T:
    def __dir__(self):
        return ('b', 'a')
print(dir(T()), type(dir(T())).__name__)
class Bad:
    def __dir__(self):
        return 5
try:
    dir(Bad())
except TypeError as e:
    print(e)
