# Builtins and the VM hold references in Java locals while the Python code they call allocates (and, under --gc-stress, collects at every allocation): nothing held that way is freed, and every result matches.
import gc
import weakref

class Node:
    def __init__(self, v):
        self.v = v
        self.me = self          # every Node is a cycle: garbage only the collector frees
    def __repr__(self):
        junk = [Node(None) for i in range(2)]
        return 'Node(%r)' % (self.v,)
    def __eq__(self, other):
        Node(0)
        return isinstance(other, Node) and self.v == other.v
    def __hash__(self):
        Node(0)
        return hash(self.v)
    def __lt__(self, other):
        Node(0)
        return self.v < other.v

def key(n):
    Node(-1)
    return -n.v

nodes = [Node(i) for i in range(6)]
print(sorted(nodes, key=key))
print(sorted(nodes, key=key, reverse=True)[:2])
print(min(nodes, key=key), max(nodes, key=key))
print(list(map(lambda n: Node(n.v * 2), nodes)))
print(list(filter(lambda n: Node(n.v).v % 2, nodes)))
print(list(zip(nodes, map(key, nodes)))[:2])
print([(i, n) for i, n in enumerate(nodes) if Node(i)][:2])
d = {n: Node(n.v + 100) for n in nodes}
print(d[Node(3)], Node(4) in d, len(set(nodes + nodes)))
print(', '.join(repr(n) for n in nodes))
print('%s and %r' % (nodes[0], nodes[1]), '{} {!r}'.format(nodes[2], nodes[3]), f'{nodes[4]!r}')

def gen(n):
    for i in range(n):
        x = Node(i)
        yield x
        del x
print(list(gen(3)), sum(n.v for n in gen(5)))

class Base:
    def __init__(self):
        self.items = [Node(i) for i in range(2)]
class Derived(Base):
    def __init__(self, extra):
        super().__init__()
        self.extra = Node(extra)
    @property
    def total(self):
        return sum(n.v for n in self.items) + Node(self.extra.v).v
print(Derived(5).total, [Derived(i).total for i in range(3)])

class Ctx:
    def __enter__(self):
        return Node('in')
    def __exit__(self, *a):
        Node('out')
        return True
with Ctx() as c:
    print(c)
    raise ValueError(Node('err'))
print('suppressed')

def thrower(n):
    if n == 0:
        raise KeyError(Node('deep'))
    return thrower(n - 1)
try:
    thrower(5)
except KeyError as e:
    print('caught', e.args[0])

resurrected = []
class Phoenix:
    def __init__(self):
        self.me = self
    def __del__(self):
        Node('dying')
        resurrected.append(self)
Phoenix()
gc.collect()
print(len(resurrected))
del resurrected[:]
gc.collect()

log = []
class Target:
    pass
t = Target()
w = weakref.ref(t, lambda r: log.append(Node('callback')))
del t
print(log, w())

def outer():
    cells = [Node(i) for i in range(3)]
    def inner(k):
        return cells[k]
    return inner
f = outer()
print(f(2), [f(i).v for i in range(3)])
print(gc.collect() >= 0)
