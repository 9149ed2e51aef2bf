import sys
x = y = None
def walrus_comp(data):
    if any((found := d) > 3 for d in data):
        return found
    return [(t := i) for i in data], t

lst = [1, 2]
lst[0] += lst[1]
obj.a.b += 1
print(*lst, sep=', ')
print(x if x else y, end='')
s = 'a' 'b' 'c'
b = b'bytes'
f = 1.5
big = 123456789012345678901234567890
neg = -123456789012345678901234567890
c = (1, 2.0, 'three', b'four', None, True, False, ...)
n = not x
i = ~1
ii = -x
iii = +x
e = a @ b
a @= b
a //= 2
a **= 2
a %= 3
a <<= 1
a >>= 1
a &= 1
a |= 1
a ^= 1
a /= 2
if x:
    pass
elif y:
    pass
while x:
    pass
t = 1,
empty = []
emptyd = {}
def kwonly(*, a, b=1):
    return a, b
def varargs(*a, **k):
    return a, k
def nested_func_defaults(a=[1, 2], b={'x': 1}, c=(1, 2)):
    return a
print(sys.getrefcount(x))
assert isinstance(x, int), f"bad {x}"
raise SystemExit
