# Failed lookups set AttributeError.name/.obj (LOAD_ATTR, LOAD_METHOD, getattr(), __getattr__, properties) and NameError.name, as 3.11's VM does; the error keeps the object alive.
import sys, gc, json


class P:
    x = 1


class G:
    def __getattr__(self, n):
        raise AttributeError('custom ' + n)


class Prop:
    @property
    def p(self):
        raise AttributeError('from prop')


def show(label, f):
    try:
        f()
    except (AttributeError, NameError, ImportError) as e:
        obj = getattr(e, 'obj', None)
        print(label, type(e).__name__, e, repr(getattr(e, 'name', '-')), type(obj).__name__, vars(e))


p = P(); g = G(); q = Prop()
show('load_attr', lambda: p.missing)
show('load_method', lambda: p.missing())
show('getattr', lambda: getattr(p, 'missing'))
show('type attr', lambda: P.missing)
show('type method', lambda: P.missing())
show('module', lambda: sys.missing)
show('module method', lambda: sys.missing())
show('__getattr__', lambda: g.missing)
show('__getattr__ method', lambda: g.missing())
show('property', lambda: q.p)
show('int', lambda: (1).missing)
show('none method', lambda: None.missing())
show('object.__getattribute__', lambda: object.__getattribute__(p, 'missing'))
show('setattr', lambda: setattr(1, 'missing', 2))
show('delattr', lambda: delattr(p, 'missing'))
show('del attr', lambda: exec('del p.missing', {'p': p}))
show('name', lambda: undefined_name)
show('global in func', lambda: exec('def f():\n  return undefined_g\nf()', {}))
show('load_name', lambda: exec('undefined_n', {}))
show('del name', lambda: exec('del undefined_d', {}))
show('del global', lambda: exec('def f():\n  global zz\n  del zz\nf()', {}))
show('unbound', lambda: exec('def f():\n  a\n  a = 1\nf()', {}))
show('free', lambda: exec('def f():\n  def g():\n    return a\n  g()\n  a = 1\nf()', {}))
show('super', lambda: exec('class A:\n  def f(self):\n    return super().nope\nA().f()', {}))
show('import from', lambda: exec('from sys import nope', {}))
try:
    from json import nope
except ImportError as e:
    print('import from file', e.name, e.path == json.__file__, e.msg == str(e))
try:
    import nope_module_x
except ImportError as e:
    print('import', type(e).__name__, e, e.name, e.path, e.msg)

# a stored AttributeError keeps its object alive, and gc sees it
o = P()
before = sys.getrefcount(o)
try:
    o.missing
except AttributeError as e:
    kept = e
print('refs', sys.getrefcount(o) - before, kept.obj is o, o in gc.get_referents(kept), kept.name in gc.get_referents(kept))
del kept
print('released', sys.getrefcount(o) - before)

# getattr with a default and hasattr make no exception for a plain lookup (gc allocations at threshold 1)
log = []


def cb(phase, info):
    if phase == 'start':
        log.append(1)


def collections(f):
    gc.collect()
    del log[:]
    gc.callbacks.append(cb)
    gc.set_threshold(1)
    for i in range(10):
        f()
    gc.set_threshold(700, 10, 10)
    gc.callbacks.remove(cb)
    return len(log)


base = collections(lambda: None)
r = [('getattr default plain', collections(lambda: getattr(p, 'missing', None))),
     ('hasattr plain', collections(lambda: hasattr(p, 'missing'))),
     ('getattr default type', collections(lambda: getattr(P, 'missing', None))),
     ('hasattr type', collections(lambda: hasattr(P, 'missing'))),
     ('getattr default module', collections(lambda: getattr(sys, 'missing', None))),
     ('hasattr module', collections(lambda: hasattr(sys, 'missing'))),
     ('getattr default int', collections(lambda: getattr(1, 'missing', None)))]
for label, n in r:
    print(label, n - base)
