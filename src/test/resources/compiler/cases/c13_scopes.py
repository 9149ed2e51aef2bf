x = 1
def f():
    print(x)
    y = 2
    def g():
        z = y
        def h():
            return y + z
        return h
    return g

def cell_arg(a, b):
    def inner():
        return a
    return inner

def del_local():
    q = 1
    del q

class K:
    a = 1
    b = [a for _ in range(2)]
    def m(self):
        return a

def walrus():
    if (n := 10) > 5:
        return n

def loop_closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return fs
