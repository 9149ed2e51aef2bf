# Overrides on a dict subclass: __missing__ (dict_subscript on a subclass), __getitem__ and
# __setitem__ reached by d[k] but not by dict's own methods (get, update, the constructor),
# super() reaching dict's slots, and __init__ that does or does not call dict.__init__.
class Missing(dict):
    def __missing__(self, key):
        self[key] = value = len(key)
        return value


m = Missing()
print(m['abc'], m, m.get('zz'), 'zz' in m)


class Logged(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)

    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)


lg = Logged(a=1)
lg['b'] = 2
print(lg['a'], lg.get('b'), lg)
lg.update(c=3)
del lg['a']
print(lg, lg.setdefault('d', 4))


class NoInit(dict):
    def __init__(self, *args, **kw):
        self.args = args


n = NoInit(a=1)
print(n, len(n), n.args)


class WithInit(dict):
    def __init__(self, pairs):
        super().__init__(pairs)
        self.n = len(self)


w = WithInit([('x', 1), ('y', 2)])
print(w, w.n)


class Upper(dict):
    def __new__(cls, *args, **kw):
        self = super().__new__(cls)
        self['new'] = True
        return self


print(Upper(), Upper(z=1))


class Eq(dict):
    def __eq__(self, other):
        return 'eq'
    __hash__ = None


print(Eq() == {}, {} == Eq(), Eq() != {})


class Rep(dict):
    def __repr__(self):
        return 'Rep' + super().__repr__()


print(Rep(a=1), [Rep(b=2)], str(Rep()))
