# generator slot wrappers and methods through the type
def g():
    yield 1
    yield 2
it = g()
G = type(it)
print(G.__next__(it), G.__iter__(it) is it, G.send(it, None))
try:
    G.__next__(it)
except StopIteration:
    print('stop')
print(type(G.send).__name__, type(G.__next__).__name__, G.close(g()))
