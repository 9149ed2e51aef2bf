# __getattr__ is called only when normal lookup fails; its AttributeError propagates
class C:
    real = 1
    def __init__(self):
        self.inst = 2
    def __getattr__(self, name):
        if name.startswith('x'):
            return 'dyn_' + name
        raise AttributeError(name + ' not here')
c = C()
print(c.real, c.inst, c.xyz)
print(getattr(c, 'xa'), hasattr(c, 'xb'), hasattr(c, 'nope'), getattr(c, 'nope', 'dflt'))
try:
    c.nope
except AttributeError as e:
    print('AttributeError', e)
