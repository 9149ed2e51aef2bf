# dir of dict, set and frozenset
print(dir(dict))
print(dir(set))
print([n for n in dir(frozenset) if not n.startswith('__')])
