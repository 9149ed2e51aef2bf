# dir of an exception subclass and its instance merges the builtin bases' names
class E(ValueError):
    code = 5
e = E('x')
e.extra = 1
print([n for n in dir(E) if not n.startswith('__')], [n for n in dir(e) if not n.startswith('__')])
print(len(dir(E)) == len(set(dir(E))), '__init__' in dir(E), '__traceback__' in dir(e))
