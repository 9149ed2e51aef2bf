# __bases__, __base__ and __mro__ of builtin types, the same tuple on each access
print(int.__bases__, bool.__bases__, object.__bases__, list.__base__, object.__base__, bool.__base__)
print(bool.__mro__, KeyError.__mro__)
print(int.__mro__ is int.__mro__, bool.__bases__ is bool.__bases__)
print(ValueError.__bases__, OSError.__base__, BaseException.__bases__)
