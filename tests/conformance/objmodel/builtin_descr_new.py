# T.__new__: a builtin method of the type; mutable containers come back empty; object.__new__ makes an instance
print(list.__new__(list, [1, 2]), dict.__new__(dict), int.__new__(int, '42'), str.__new__(str, 5), tuple.__new__(tuple, 'ab'))
class C:
    def __init__(self):
        print('init')
c = object.__new__(C)
print(type(c).__name__, list.__new__ is [].__new__)
for t in ["object.__new__(1)", "object.__new__(list)", "int.__new__(str)", "list.__new__()"]:
    try:
        eval(t)
    except TypeError as e:
        print(e)
