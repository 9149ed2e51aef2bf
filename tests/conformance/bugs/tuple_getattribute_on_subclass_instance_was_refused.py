# tuple.__getattribute__(self, name) (PyObject_GenericGetAttr) called from a tuple subclass's own
# __getattribute__, as unittest.mock's _Call does (test_argparse): it was refused by name.
class Call(tuple):
    def __getattribute__(self, attr):
        if attr in ('count', 'index', 'extra', '__class__', '__dict__'):
            return tuple.__getattribute__(self, attr)
        return 'synth:' + attr

c = Call((1, 2, 1))
c.__dict__['extra'] = 5
print(c.count(1), c.index(2), c.extra, c.foo, c.__class__.__name__)
try:
    tuple.__getattribute__(c, 'missing')
except AttributeError as e:
    print('AttributeError', e)

class L(list):
    def __getattribute__(self, attr):
        return list.__getattribute__(self, attr)
l = L([3, 1])
l.sort()
print(l, l.__len__())

class I(int):
    def __getattribute__(self, attr):
        if attr == 'magic':
            return 42
        return int.__getattribute__(self, attr)
print(I(5).magic, I(5).bit_length(), I(5) + 1)
print(str.__getattribute__('ab', 'upper')())
