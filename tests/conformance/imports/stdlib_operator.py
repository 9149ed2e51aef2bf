# operator from CPython's library (its pure-Python code: refheap has no _operator)
import operator
print(operator.add(2, 3), operator.mul(4, 5), operator.neg(7), operator.not_(0))
print(operator.itemgetter(1)([10, 20, 30]), operator.itemgetter(0, 2)('abc'))
class P:
    x = 1
print(operator.attrgetter('x')(P()), operator.methodcaller('upper')('hi'))
print(operator.lt(1, 2), operator.contains([1, 2], 2), operator.truth([]))
print(operator.__name__, operator.__all__[:4])
