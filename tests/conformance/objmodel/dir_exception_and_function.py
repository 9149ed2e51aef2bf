# dir of an exception instance and of a function
e = KeyError('k')
print([n for n in dir(e) if not n.startswith('__')])
def f(): pass
f.attr = 1
print([n for n in dir(f) if not n.startswith('__')], '__code__' in dir(f), '__call__' in dir(f))
