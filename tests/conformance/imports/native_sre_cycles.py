# _sre objects in reference cycles are collected (Pattern, Match and Scanner have tp_clear); a Pattern takes weak references
import _sre, gc
NAMED = ('(?P<x>a)', 32, [14, 4, 0, 1, 1, 17, 0, 16, 97, 17, 1, 1], 1, {'x': 1}, (None, 'x'))
gc.collect()
args = list(NAMED)
gi = dict(args[4])
args[4] = gi
p = _sre.compile(*args)
gi['self'] = p          # pattern -> groupindex -> pattern
m = p.match('a')
gi['m'] = m
del p, m, gi, args
print(gc.collect())
import weakref
q = _sre.compile(*NAMED)
r = weakref.ref(q)
print(r() is q)
del q
print(r())
