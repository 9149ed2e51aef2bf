# Run on the runtime that ran prelude.py itself and on one that adopted its image: the same output.
import gc
import sys
p = Named(3, 4, 'p')
print(p, p.norm2, p.name, Point.kind, Named.__mro__)
print(isinstance(p, Point), issubclass(Named, Point), type(p).__slots__, Point.__slots__)
print(sys.getsizeof(p), sys.getsizeof(Point(1, 2)), sys.getrefcount(Point), sys.getrefcount(Named))
t = Total([1, 2, 3])
t.append(4)
print(t.total(), len(t), isinstance(t, list), Total.__bases__)
print(counter(), counter(5), counter.__code__.co_freevars, make_counter.__code__.co_consts[1:])
print(Plain.count, [k.a for k in kept], kept[0].dynamic_name, vars(kept[1]), sys.getsizeof(kept[1]))
import builtins as again
print(again is builtins, builtins.len([1, 2]), sorted(k for k in sys.modules if not k.startswith('_'))[:3])
q = Plain(9)
push(q)
print(len(kept), joiner(['a', 'b']), dict_get('k'), push.__name__, push.__self__ is kept, push == kept.append, joiner.__qualname__)
print(Plain.count, q.__dict__, sys.getrefcount(Plain), sys.getrefcount(kept))
try:
    raise Err('bad')
except ValueError as e:
    print('caught', e, type(e).__mro__)
print(sys.intern(''.join(['dyn', 'amic_', 'name'])) is list(vars(kept[0]))[-1], quick)
print(len(gc.get_objects()), gc.get_count(), gc.collect(), len(gc.get_objects()))
print(Point.norm2.fget.__qualname__, Point.__init__.__code__.co_varnames, make_counter(0).__qualname__)
print(sorted(k for k in globals() if not k.startswith('__')))
try:
    Point(1, 2).z = 3
except AttributeError as e:
    print('AttributeError', e)
print(Registry.made, Base.subclasses, Base.helper(1), type(Leaf.make()).__name__, Leaf() == Leaf(), Leaf.__hash__)
print(type(Leaf).__name__, Holder().value, type(Holder.__dict__['value']).__name__, Leaf.__mro__)
class Twig(Leaf, tag='twig'):
    pass
print(Registry.made, Base.subclasses, sys.getrefcount(Registry), Leaf.__subclasses__())
# uncaught: the runtime's own traceback shows the prelude's lines (its line cache)
Point(1, 'a').norm2
