# C.__dict__ is a mappingproxy: read-only, its str is the dict's, a new proxy on each access
import sys, gc
class C:
    x = 1
p = C.__dict__
print(type(p).__name__, sys.getsizeof(p), gc.is_tracked(p), p['x'], 'x' in p, len(p) == len(dict(p)))
print(C.__dict__ is C.__dict__, C.__dict__ == C.__dict__, p.get('x'), p.get('nope', 0))
print([k for k in p if not k.startswith('__')], sorted(p.keys())[-1], type(p.copy()).__name__)
try:
    p['y'] = 2
except TypeError as e:
    print(e)
try:
    del p['x']
except TypeError as e:
    print(e)
print(repr(p).startswith('mappingproxy({'), str(p).startswith("{'__module__'"))
