# Instance attributes shadow class attributes; class attributes are shared until an instance assigns its own.
class A:
    count = 0
    items = []
    def __init__(self):
        A.count += 1
a = A()
b = A()
print(A.count, a.count, b.count)
a.count = 100
print(A.count, a.count, b.count)
a.items.append('shared')
print(b.items, A.items is a.items)
del a.count
print(a.count)
