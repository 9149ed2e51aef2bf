# Reading __dict__ of an instance materialises a real dict that stays in sync with attribute access.
class A:
    def __init__(self):
        self.a = 1
o = A()
d = o.__dict__
print(d)
o.b = 2
print(d, d is o.__dict__)
d['c'] = 3
print(o.c)
