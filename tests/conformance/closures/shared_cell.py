# Two closures over the same variable share one cell: a change through one is seen by the other.
def pair():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get
add, get = pair()
add(1)
add(2)
print(get())
def pair2():
    x = 0
    def setx(val):
        nonlocal x
        x = val
    def getx():
        return x
    return setx, getx
s, g = pair2()
s(42)
print(g())
