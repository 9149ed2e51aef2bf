# the kinds of builtin descriptors: slot wrappers, method descriptors, method-wrappers, bound builtin methods
print(type(list.__iter__).__name__, type([].__iter__).__name__)
print(type(list.append).__name__, type([].append).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__)
print(type(object.__init__).__name__, type(object().__init__).__name__)
print(type(dict.fromkeys).__name__, type({}.fromkeys).__name__)
print(type(str.join).__name__, type(''.join).__name__)
print(type(object.__setattr__).__name__, type(object.__format__).__name__)
print(type(list.__new__).__name__, type(object.__new__).__name__)
