# m.name on a module whose __getattr__ raises AttributeError: its own message, not a generic one.
import types
m = types.ModuleType('mm')
def ga(name):
    raise AttributeError('custom ' + name)
m.__getattr__ = ga
try:
    m.zz
except AttributeError as e:
    print(e)
print(getattr(m, 'zz', 'default'), hasattr(m, 'zz'))
