a = [x * 2 for x in range(10) if x % 2]
b = {x for x in y}
c = {k: v for k, v in d.items() if k}
g = (i for i in range(3))
n = [(x, y) for x in a for y in b if x != y]
def f(z):
    return [z + i for i in range(z)]
def h():
    return [[j for j in range(i)] for i in range(3)]
s = sum(x for x in a)
t = [y := 5, y ** 2]
def w(data):
    return [last := v for v in data], last
m = [x for x in [f(1)] for q in [x]]
