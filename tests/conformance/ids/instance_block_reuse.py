# An instance freed by refcounting gives its memory block back, and the next instance of that class gets it.
class P:
    def __init__(self, x):
        self.x = x
p = P(1)
i = id(p)
del p
q = P(2)
print(id(q) == i)
r = P(3)
print(id(r) == i)
