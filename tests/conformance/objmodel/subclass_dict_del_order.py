# subtype_dealloc for a dict subclass: __del__ first, then the instance __dict__, then dict's own
# contents (released in insertion order), then the class reference.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


class D(dict):
    def __del__(self):
        print('__del__', sorted(self))


d = D()
d['v1'] = Noisy('value 1')
d['v2'] = Noisy('value 2')
d.attr = Noisy('attribute')
del d
print('--')
c = D()
c['self'] = c
c['v'] = Noisy('cycle value')
del c
print('collect', gc.collect())
