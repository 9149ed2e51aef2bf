# unhashable builtin types have __hash__ = None in their dict; hash() refuses them
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, slice.__hash__, [].__hash__)
print(tuple.__hash__ is not None, frozenset.__hash__ is not None)
try:
    hash([])
except TypeError as e:
    print(e)
