# __setattr__ runs for assignments in __init__ too, and a class-level counter sees each one
class Tracked:
    writes = 0
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __setattr__(self, name, value):
        type(self).writes += 1
        super().__setattr__(name, value)
ts = [Tracked(i, i * 2) for i in range(3)]
print(Tracked.writes, [(t.a, t.b) for t in ts])
print(vars(ts[2]))
