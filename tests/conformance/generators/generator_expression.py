# A generator expression evaluates its first iterable immediately and the rest lazily.
def source(tag):
    print('source', tag)
    return [1, 2, 3]
g = (x * 2 for x in source('outer'))
print('made')
print(list(g))
print(list(g))
print(sum(x for x in range(5)))
