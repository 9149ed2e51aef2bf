# The dicts and lists CPython 3.11's compiler makes and frees around a compile from source (the
# parser's arena, the const cache and unit stack, the symbol table's blocks, each unit's five dicts)
# pass through the free lists, and so do the const cache's keys for co_exceptiontable, co_linetable
# and co_code: after a compile, as many dicts and lists are free as it had alive at once (3 + B + 5D
# dicts and 4 + 2B lists for B blocks nested D deep), so a program's first ones do not move count0.
# refheap made none of them (its free lists after a compile were what they were before: a program's
# first dicts in CPython's start-up were fresh ones, "4 lists 4" in startup_free_lists.py), nor the
# bytes keys, nor the records of global and nonlocal names.
import gc
gc.disable()
N = 60
held = [None] * (4 * N)

def free_after(src):
    gc.collect()  # a full collection empties the free lists
    code = compile(src, 'm', 'exec')  # kept alive while the free lists are read
    found = []
    for k, make in enumerate((lambda i: {}, lambda i: [], lambda i: (i,), lambda i: (i, i))):
        before = gc.get_count()[0]
        for i in range(N):
            held[k * N + i] = make(i)
        found.append(N - (gc.get_count()[0] - before))
    for i in range(4 * N):
        held[i] = None
    del code
    return found

sources = {
    'pass': 'pass',
    'one function': 'def f(a):\n    return a',
    'two equal functions': 'def f(a):\n    return a\ndef g(a):\n    return a',
    'nested three deep': 'def f(a):\n    def g(b):\n        def h(c):\n            return c\n        return h\n    return g',
    'class and method': 'class A:\n    def m(self):\n        return super().m()',
    'comprehension and lambda': 'y = [i for i in range(3)]\nf = lambda x: x',
    'global and nonlocal': 'def f():\n    global x, z\n    a = 1\n    def g():\n        nonlocal a\n        a = 2\n    return g',
    'bytes equal to co_code': 'b = b"\\x97\\x00d\\x00S\\x00"\nc = b""',
    'five functions': '\n'.join(f'def f{i}(a):\n    return a + {i}' for i in range(5)),
}
free_after('pass')  # the first compile() makes the _ast classes
for name, src in sources.items():
    print(name, *free_after(src))
