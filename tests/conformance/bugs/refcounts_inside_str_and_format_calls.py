# The references a __str__, __repr__ or __format__ sees on its object, by the way it is called.
# refheap held one more than CPython 3.11 in several: FORMAT_VALUE kept the value on the stack as
# well as in hand (3.11 pops it first); __str__ and __repr__ were called through a bound call
# holding the object (3.11's slot_tp_str/slot_tp_repr pass it with no reference of their own);
# and one fewer where 3.11 packs arguments into a tuple: print(*args) and str.format
# (METH_VARARGS).
import sys


class A:
    def __str__(self):
        sys.stderr.write('str %d\n' % sys.getrefcount(self))
        return 'a'

    def __repr__(self):
        sys.stderr.write('repr %d\n' % sys.getrefcount(self))
        return 'r'

    def __format__(self, spec):
        sys.stderr.write('format %r %d\n' % (spec, sys.getrefcount(self)))
        return 'f'


a = A()
sys.stderr.write('base %d\n' % sys.getrefcount(a))
format(a)
format(a, 'x')
f'{a}'
f'{a:x}'
f'{a!s}'
f'{a!r}'
f'{a!s:>3}'
f'{a} {a!r}'
repr(a)
'{}'.format(a)
'{0:x}{0}'.format(a)
'{k}'.format(k=a)
'%s' % a
'%r' % a
'%s' % (a,)
'%s %r' % (a, a)
print(a)
print(a, a, sep='')
print(a, file=sys.stderr)
x = f'{A()}'
y = format(A())
z = repr(A())
w = '%s' % A()


def local():
    b = A()
    f'{b}'
    f'{b!s}'
    '%s' % b
    print(b)


local()
