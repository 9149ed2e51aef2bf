# a program's globals are the namespace python3 gives a script (CPython's names, in CPython's order) before its own names
print(list(globals()))
x = 1
print(list(globals()))
print('__doc__' in globals())
