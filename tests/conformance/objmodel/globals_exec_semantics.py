# a program's globals are exec's: only __name__ and __builtins__ before its own names
print(list(globals()))
x = 1
print(list(globals()))
print('__doc__' in globals())
