# A dict view's mapping attribute (dictview_mapping: a read-only mappingproxy of the view's dict)
# raised refheap's NotImplementedError.
d = {'a': 1}
for view in (d.keys(), d.values(), d.items()):
    m = view.mapping
    print(type(m).__name__, m, m['a'], m == d)
    try:
        m['b'] = 2
    except TypeError as e:
        print(e)
d['c'] = 3
print(d.keys().mapping, len(d.items().mapping))
try:
    d.keys().mapping = {}
except AttributeError as e:
    print(e)
print(type({}.keys()).mapping.__get__(d.keys()) == d, type(type({}.keys()).__dict__['mapping']).__name__)
