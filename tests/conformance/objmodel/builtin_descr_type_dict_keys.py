# a builtin type's __dict__ is a mappingproxy whose keys (descriptors refheap has) are in CPython's order
d = list.__dict__
print(type(d).__name__)
keys = [k for k in d if k not in ('__doc__',)]
print(keys)
print(type(d['append']).__name__, type(d['__iter__']).__name__, d['__hash__'], type(d['__new__']).__name__)
print(d['append'] is list.append, d['__iter__'] is list.__iter__)
