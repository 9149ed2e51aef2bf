"""Training run for the JVM's start-up caches (see the refheap launcher): a little of everything.

./refheap runs this file once per build with -XX:AOTCacheOutput to make target/refheap.aot (the
cache of scripts, -c and the REPL); scripts/aot-training.ipynb imports it to make the notebooks'
cache. The classes it loads are the ones preloaded at start-up, and its loops leave the method
profiles the JIT starts from, so it exercises what most programs use, and nothing more.

The loops run long enough (a few hundred thousand rounds each) for the JIT to compile the
interpreter's, the heap's and the collector's hot methods from mature profiles: a program then
starts from those profiles and reaches compiled code sooner. With loops a tenth as long, whole
programs took 3-7% more CPU while module-level loops ran interpreted; since they enter compiled
code the difference is within the noise (docs/performance.md, "Session 16: start-up, warm-up and
memory").
"""
import gc, sys, time, weakref
# The launcher runs this file with --imports before the training run: the imports above write the
# compiled-code cache's entries for the new build, so the training only reads them, as every later
# run of a script does, and the cache leaves out the classes that write entries.
if sys.argv[1:] == ['--imports']:
    sys.exit()
total = 0
for i in range(200000):
    t = (i, i + 1)
    l = [i]
    d = {'k': i}
    f = i * 0.5
    total += t[1] - l[0] + d['k'] - int(f + f)
print('churn', total)

def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))
def check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check(left) + check(right)
print('trees', sum(check(make(d)) for d in range(4, 15, 2)))

class Node:
    def __init__(self, value):
        self.value = value
        self.peer = None
    @property
    def double(self):
        return self.value * 2
    def __repr__(self):
        return f'Node({self.value!r})'
checksum = 0
for i in range(200000):
    a = Node(i)
    b = Node(i + 1)
    a.peer = b
    b.peer = a
    checksum += a.peer.value - b.peer.value + a.double - b.double
del a, b
print('instances', checksum, gc.collect(), repr(Node(3)))

count = [0]
class Res:
    def __init__(self):
        self.me = self
    def __del__(self):
        count[0] += 1
for i in range(200000):
    Res()
gc.collect()
cycles = 0
for i in range(200000):
    x = {}
    y = {}
    x['y'] = y
    y['x'] = x
del x, y
print('finalized', count[0], 'collected', gc.collect())

shared = [object() for i in range(64)]
slots = [None] * 64
def touch(o, k):
    slots[k] = o
    return o
n = 0
for i in range(300000):
    k = i % 64
    if touch(shared[k], k) is shared[k]:
        n += 1
keep = [[i] for i in range(200000)]
print('touched', n, len(keep), sys.getrefcount(shared[0]) > 0)

class Account:
    def __init__(self, owner):
        self.owner = owner
        self.items = []
    def add(self, v):
        self.items.append(v)
        return len(self.items)
    def total(self):
        s = 0
        for v in self.items:
            s += v
        return s
accounts = {}
for i in range(100000):
    name = 'a' + str(i % 100)
    acc = accounts.get(name)
    if acc is None:
        acc = accounts[name] = Account(name)
    acc.add(i % 7)
summary = sorted((acc.total(), name) for name, acc in accounts.items())
print('accounts', len(accounts), summary[0], summary[-1])

def gen(n):
    for i in range(n):
        yield i * i
def outer(k):
    def inner(x, *args, scale=1, **kw):
        return (x + k) * scale + len(args) + len(kw)
    return inner
f = outer(3)
words = 'the quick brown fox jumps over the lazy dog'.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
s = {w.upper() for w in words if len(w) > 3}
print(sum(gen(1000)), f(1, 2, 3, scale=2, extra=4), sorted(counts.items())[:3], sorted(s), max(words, key=len))
print('%d %s %.3f' % (42, 'x', 3.14159), '{:>6}|{:<4}|{:^5}'.format('a', 'b', 'c'), ', '.join(map(str, [1, 2.5, None, True])))

class Base(Exception):
    pass
class Oops(Base):
    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg
caught = 0
for i in range(20000):
    try:
        if i % 2:
            raise Oops('odd %d' % i)
        {}['missing']
    except Oops as e:
        caught += len(e.msg) > 0
    except KeyError:
        caught += 1
    finally:
        pass
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
with Ctx() as c:
    r = weakref.ref(c)
print('caught', caught, r() is c, isinstance(c, Ctx), id(c) == id(c), hex(255), divmod(17, 5), 2 ** 70, -7 // 2, 7.5 % 2)

data = list(range(100, 0, -1))
data.sort()
t = tuple(data[:10])
print(data[:5], data[-3:], t[1:4], 'abcdef'[::2], list(zip(t, 'abc')), list(enumerate('xy')), any(data), all(t))
print(gc.get_count() is not None, gc.get_threshold(), len(gc.get_stats()), type(time.perf_counter()).__name__)

# The collector's passes as big collections see them (their profiles): with automatic collection
# off, a full collection of 60,000 two-dict cycles, then young and full ones over 60,000 live lists.
gc.disable()
for i in range(60000):
    x = {}
    y = {}
    x['y'] = y
    y['x'] = x
del x, y
held = [[i] for i in range(60000)]
print('big', gc.collect(), gc.collect(0), gc.collect(), len(held))
gc.enable()
