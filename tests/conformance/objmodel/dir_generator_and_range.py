# dir of a generator, a range and None
g = (x for x in ())
print([n for n in dir(g) if not n.startswith('__')])
print([n for n in dir(range(1)) if not n.startswith('__')])
print(len(dir(None)), dir(None)[-3:])
