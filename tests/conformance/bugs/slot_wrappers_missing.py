# bug: list.__iter__ and int.__add__ raised AttributeError (no slot wrappers)
print(list.__iter__, int.__add__)
print(type(list.__iter__).__name__, type([].__iter__).__name__)
print(int.__add__(1, 2), list.__len__([1]))
