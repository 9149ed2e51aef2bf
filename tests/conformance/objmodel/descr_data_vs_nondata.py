# a data descriptor on the class wins over the instance dict; a non-data descriptor loses to it
class Data:
    def __get__(self, obj, owner):
        return ('data', obj is None, owner.__name__)
    def __set__(self, obj, value):
        obj.__dict__['stored'] = value
class NonData:
    def __get__(self, obj, owner):
        return ('nondata', obj is None, owner.__name__)
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, c.n)
print(C.d, C.n)
c.__dict__['d'] = 'instance d'
c.__dict__['n'] = 'instance n'
print(c.d, c.n)
c.d = 42
print(c.__dict__['stored'], c.d)
c.n = 7
print(c.n)
