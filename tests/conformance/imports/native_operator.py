# _operator (refheap native module): itemgetter/attrgetter/methodcaller layouts (heap types), referents, reprs; the operator functions; errors; operator.py takes them
import _operator as O, sys, gc
for o in [O.itemgetter(1), O.itemgetter(1, 2), O.attrgetter('a'), O.attrgetter('a.b', 'c'), O.methodcaller('f', 1, k=2), O.methodcaller('g')]:
    t = type(o)
    print(t, sys.getsizeof(o), gc.is_tracked(o), [repr(r) for r in gc.get_referents(o)], repr(o))
print(sorted(n for n in O.__dict__ if not n.startswith("__")))
print(O.itemgetter(1)([1,2]), O.itemgetter(0, 1)('ab'), O.attrgetter('real')(3), O.attrgetter('real', 'imag')(3), O.methodcaller('split', ',')('a,b'))
for bad in ['O.itemgetter()', 'O.attrgetter()', 'O.attrgetter(1)', 'O.methodcaller()', 'O.methodcaller(1)', 'O.itemgetter(1)(1)', 'O.attrgetter("x")(1)', 'O.itemgetter(1)()', 'O.itemgetter(1)(k=1)','O.add(1)', 'O.add(1, "a")', 'O.index(1.5)', 'O.length_hint(1, "a")', 'O.indexOf([1], 2)', 'O.countOf(1, 1)']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
import operator
print(operator.add is O.add, operator.itemgetter is O.itemgetter, operator.concat([1], [2]), operator.countOf([1, 1, 2], 1))
print(O.add(1, 2), O.sub(5, 3), O.mul('a', 3), O.truediv(1, 2), O.floordiv(7, 2), O.mod(7, 3), O.pow(2, 10), O.lshift(1, 3), O.rshift(8, 1), O.and_(6, 3), O.or_(4, 1), O.xor(5, 1))
l = [1]; print(O.iadd(l, [2]) is l, l, O.lt(1, 2), O.le(2, 2), O.eq(1, 1.0), O.ne(1, 2), O.gt(1, 2), O.ge(3, 2))
print(O.neg(3), O.pos(-2), O.inv(5), O.invert(0), O.abs(-4), O.not_([]), O.truth([1]), O.index(7), O.is_(None, None), O.is_not(1, None), O.contains([1, 2], 2))
d = {}; O.setitem(d, 'k', 1); print(d, O.getitem(d, 'k')); O.delitem(d, 'k'); print(d)
print(O.call(max, 1, 5, key=lambda x: -x), O._compare_digest(b'ab', b'ab'), O._compare_digest('ab', 'ac'))
g = O.itemgetter(1); x = [0, 1]; print(sys.getrefcount(g), [sys.getrefcount(t) for t in [O.itemgetter]][0] > 1)
class A: pass
a = A(); a.b = A(); a.b.c = 42; a.d = 'x'; print(O.attrgetter('b.c', 'd')(a), O.attrgetter('b.c')(a))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=O.itemgetter(1)), list(map(O.methodcaller('upper'), ['a', 'b'])))
ag = O.attrgetter('a'); print(type(gc.get_referents(ag)[0][0]), gc.get_referents(ag)[0][0] is sys.intern('a'))
