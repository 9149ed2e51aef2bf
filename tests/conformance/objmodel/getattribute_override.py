# __getattribute__ intercepts every lookup; object.__getattribute__ and super() reach the generic one
class C:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return object.__getattribute__(self, name)
    def method(self):
        return 'm'
c = C()
print(c.a, c.secret, c.method())
class D(C):
    def __getattribute__(self, name):
        v = super().__getattribute__(name)
        return ('D', v)
d = D()
print(d.a, d.secret)
class E:
    def __getattribute__(self, name):
        raise AttributeError('no ' + name)
    def __getattr__(self, name):
        return 'fallback ' + name
print(E().anything)
class F:
    def __getattribute__(self, name):
        raise KeyError(name)
try:
    F().x
except KeyError as e:
    print('KeyError', e)
print(hasattr(E(), 'y'))
try:
    hasattr(F(), 'y')
except KeyError as e:
    print('hasattr KeyError', e)
