def counter():
    count = [0]
    def bump():
        count[0] += 1
        return count[0]
    return bump

b = counter()
b()
b()

def squares(n):
    for i in range(n):
        yield i * i

g = squares(3)
first = next(g)
rest = list(g)
