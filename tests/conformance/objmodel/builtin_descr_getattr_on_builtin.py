# getattr with a default on builtin types and instances for slots they lack and have
print(getattr(1, '__iter__', 'none'), getattr((), '__setitem__', 'none'), getattr(frozenset(), 'add', 'none'))
print(callable(getattr([], '__setitem__')), callable(getattr('', '__mod__')), getattr(None, '__len__', 'none'))
