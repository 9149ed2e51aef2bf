from contextlib import contextmanager


@contextmanager
def managed(name):
    print("enter", name)
    yield name
    print("exit", name)


with managed("a") as a, managed("b") as b:
    print(a, b)
with open(__file__) as f:
    data = f.read()
with managed("x"):
    pass
with (managed("p") as p, managed("q") as q):
    print(p, q)
with (managed("solo")):
    pass
with managed("t") as (t1):
    pass
