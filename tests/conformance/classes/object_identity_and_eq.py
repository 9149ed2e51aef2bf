# Without __eq__, instances compare by identity; with it, == uses the method while `is` does not.
class Plain:
    pass
class Valued:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Valued) and self.v == other.v
a, b = Plain(), Plain()
print(a == b, a == a, a is a)
x, y = Valued(1), Valued(1)
print(x == y, x is y, x != y)
