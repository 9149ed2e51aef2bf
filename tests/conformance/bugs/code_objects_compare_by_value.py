# Code objects compare by value as 3.11's code_richcompare does, and hash as its code_hash does:
# code == code.replace() is True; the constants compare by their _PyCode_ConstantKey, so 0.0 and
# -0.0, 1 and True, 1 and 1.0 make different code, and nested code objects compare by the same rule.
# refheap compared code objects by identity.


def f(x):
    return x + 1


c = f.__code__
r = c.replace()
print(c == r, c != r, c is r, hash(c) == hash(r))
print(c == c.replace(co_filename='elsewhere.py'), c == c.replace(co_name='g'), c == c.replace(co_qualname='q'))
print(c == c.replace(co_firstlineno=99), c == c.replace(co_flags=c.co_flags | 0x20000000))
print(c == c.replace(co_names=('y',) + c.co_names), c == c.replace(co_consts=c.co_consts + (None,)))
print(c == c.replace(co_varnames=('y',)), c == c.replace(co_stacksize=c.co_stacksize + 5))
print(hash(c) == hash(c.replace(co_filename='elsewhere.py')), hash(c) == hash(c.replace(co_stacksize=9)))
print(c == 1, c != 1, c.__eq__(1), c.__ne__(c), type(c).__eq__(c, r), type(c).__lt__(c, r))
try:
    c < r
except TypeError as e:
    print(e)

# constants compared by their keys
pos = compile('x = 0.0', 's', 'exec')
neg = compile('x = -0.0', 's', 'exec')
print(pos == neg, pos.co_consts == neg.co_consts)
one = compile('x = 1', 's', 'exec')
print(one == compile('x = True', 's', 'exec'), one == compile('x = 1.0', 's', 'exec'), one == compile('x = 1', 's', 'exec'))
print(compile('x = (1, 0.0)', 's', 'exec') == compile('x = (1, -0.0)', 's', 'exec'))
print(compile('x = 1j', 's', 'exec') == compile('x = 1j', 's', 'exec'), compile('x = 0j', 's', 'exec') == compile('x = -0j', 's', 'exec'))
print(compile('x in {1, 2}', 's', 'exec') == compile('x in {1, 2}', 's', 'exec'))
print(compile("x = b'a'", 's', 'exec') == compile("x = 'a'", 's', 'exec'))

# nested code objects
src = 'def g(a):\n    return a * 2\n'
m1, m2 = compile(src, 'a.py', 'exec'), compile(src, 'b.py', 'exec')
print(m1 == m2, m1 is m2, hash(m1) == hash(m2), m1.co_consts[0] == m2.co_consts[0])
m3 = compile('def g(a):\n    return a * 3\n', 'a.py', 'exec')
print(m1 == m3, m1.co_consts[0] == m3.co_consts[0])

# as dict keys and set members
d = {c: 'first'}
d[r] = 'second'
print(len(d), d[c], len({m1, m2, m3}))
nan = float('nan')
n1 = c.replace(co_consts=(None, nan))
print(n1 == n1.replace(), n1 == c.replace(co_consts=(None, float("nan"))))
try:
    hash(c.replace(co_consts=(None, [])))
except TypeError as e:
    print(e)
