# Generators can be chained by looping over one inside another.
def inner(n):
    for i in range(n):
        yield i
    return n
def outer():
    for v in inner(2):
        yield v
    for v in inner(3):
        yield v * 10
print(list(outer()))
