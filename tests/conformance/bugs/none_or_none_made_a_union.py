# None | None is unsupported (NoneType has no nb_or): it made the type NoneType, as a union of
# one member. A union needs a type, GenericAlias or union on one side.
import operator
for f, name in ((operator.or_, 'or_'), (operator.ior, 'ior'), (operator.and_, 'and_'), (operator.xor, 'xor')):
    try:
        print(name, f(None, None))
    except TypeError as e:
        print(name, 'TypeError:', e)
try:
    None | None
except TypeError as e:
    print('TypeError:', e)
x = None
try:
    x |= None
except TypeError as e:
    print('TypeError:', e)
print(int | None, None | int, None | list[int], type(None) | None, None | type(None))
print((int | str) | None, None | (int | str))
try:
    None | 3
except TypeError as e:
    print('TypeError:', e)
