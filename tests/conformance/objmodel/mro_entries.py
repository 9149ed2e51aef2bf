# a base that is not a class but has __mro_entries__ is replaced by what it returns; __orig_bases__ keeps it
class Real:
    def who(self):
        return 'real'
class Proxy:
    def __mro_entries__(self, bases):
        return (Real,)
p = Proxy()
class C(p):
    pass
print(C.__bases__, C().who(), C.__orig_bases__ == (p,))
class D(Real):
    pass
print('__orig_bases__' in D.__dict__)
try:
    class Bad(1):
        pass
except TypeError as e:
    print(type(e).__name__)
