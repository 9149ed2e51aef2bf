# __slots__ given as a single string, a list, a dict (its keys) or a generator of names
import sys
class One:
    __slots__ = 'only'
class FromList:
    __slots__ = ['b', 'a']
class FromDict:
    __slots__ = {'x': 'doc of x', 'y': 'doc of y'}
class FromGen:
    __slots__ = (n for n in ('p', 'q'))
for c in (One, FromList, FromDict, FromGen):
    print(c.__name__, sys.getsizeof(c()), sorted(k for k in c.__dict__ if not k.startswith('__')))
print(type(One.__slots__).__name__, type(FromDict.__slots__).__name__)
