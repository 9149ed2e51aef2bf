# hasattr finds the slot wrappers and methods builtin types have, and not the ones they lack
checks = [([], '__iter__'), ([], '__len__'), ([], '__hash__'), ((), '__hash__'), (1, '__add__'), (1, '__iter__'),
          ('', '__contains__'), ({}, '__getitem__'), (frozenset(), '__contains__'), (1.5, '__index__'),
          (None, '__bool__'), (object(), '__init__'), (len, '__call__'), (range(3), '__reversed__')]
for obj, name in checks:
    print(type(obj).__name__, name, hasattr(obj, name))
print(list.__hash__, dict.__hash__, set.__hash__)
