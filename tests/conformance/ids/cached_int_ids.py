# Every way of producing a small int yields the cached object at the same address.
print(id(int('42')) == id(42))
x = 40
print(id(x + 2) == id(42))
print(id(len('abc')) == id(3))
print(id(sum([100, 156])) == id(256))
print(id(int('-5')) == id(-5))
big = int('257')
print(id(big) == id(int('257')))
