# dir of type, of a builtin function and of a method-wrapper
print([n for n in dir(type) if not n.startswith('__')])
print(dir(len) == sorted(dir(len)), '__self__' in dir(len), '__call__' in dir(len))
print('__self__' in dir([].__len__), '__objclass__' in dir([].__len__))
