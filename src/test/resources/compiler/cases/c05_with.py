with open(f) as fh:
    data = fh.read()

with a, b as (c, d):
    pass

def f():
    with lock:
        return 1

def g():
    for x in y:
        with m:
            if x:
                break
            continue

def h():
    with a:
        with b:
            raise E
