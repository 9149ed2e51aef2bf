# a value class with __eq__ and __hash__ works in sets; with __eq__ alone it is refused
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
print(len({Point(1, 2), Point(1, 2), Point(2, 1)}))
class NoHash:
    __slots__ = ('x',)
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
print(NoHash.__hash__)
