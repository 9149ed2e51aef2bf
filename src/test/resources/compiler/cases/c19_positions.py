# Source spans (co_positions) of the instructions tracebacks point at.
d = {'k': [1, 2, 3]}
x = d['k'][1] + d['k'][2] * 3
y = (x
     + 1)
z = d.get('k',
          None)
w = (d
     .get('k')
     .copy())
obj = type('O', (), {})()
obj.attr = 5
obj.attr += 1
obj.attr2 = obj.attr ** 2 // 3
d['k'][0] += 7
s = "é" + 'ü' * 2 + str(x)
ñame = s.upper().lower()
if x < y <= z and not w:
    pass
assert x != 0, "x was " + str(x)
t = [i * i for i in range(3) if i % 2]
u = {k: v for k, v in d.items()}
f = lambda a, b=2: a[b] - b
print(f"{x!r:>10} and {y}", sep='')


def g(a, *args, key=None, **kw):
    try:
        return a.b.c(args[0], **kw)[key]
    except (KeyError, IndexError) as e:
        raise ValueError("bad " + str(e)) from e
    finally:
        del a


class K:
    @staticmethod
    def m(v):
        with open(v) as fh, open(v + '.x') as g2:
            return fh.read() + g2.read()

    def n(self):
        return super().n() @ self.m(
            1)


for i, (a, b) in enumerate([(1, 2)]):
    x = -a ** b if a else ~b
    x <<= a >> b
    del d['k'][a:b]
while x > 1000:
    x //= 2
else:
    x = [*d, *'ab']
