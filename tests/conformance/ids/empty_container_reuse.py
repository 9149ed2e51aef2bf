# A temporary container dies before the next is made, so both get the same block (free-list reuse).
print(id([]) == id([]))
print(id({}) == id({}))
print(id([1, 2]) == id([3, 4, 5]))
print(id(()) == id(()))
print(id('') == id(''))
