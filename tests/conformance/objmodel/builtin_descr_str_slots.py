# str's slot wrappers through the type
print(str.__add__('a', 'b'), str.__mul__('ab', 3), str.__rmul__('ab', 2), str.__len__('hello'))
print(str.__getitem__('hello', 1), str.__contains__('hello', 'ell'), str.__mod__('%d!', 5), str.__rmod__('x', 1))
print(str.__eq__('a', 'a'), str.__lt__('a', 'b'), str.__eq__('a', 1), str.__hash__('') == hash(''))
print(str.__str__('s'), str.__repr__('s'), list(str.__iter__('ab')), str.__format__('x', '>3'))
try:
    str.__add__('a', 1)
except TypeError as e:
    print(e)
