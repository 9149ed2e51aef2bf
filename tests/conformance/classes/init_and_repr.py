# __init__ sets up attributes; __repr__ is used by repr(), print of containers and f-strings with !r.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(1, 2)
print(repr(p))
print([p, Point(3, 4)])
print(f'{p!r} and {p}')
print(str(p))
