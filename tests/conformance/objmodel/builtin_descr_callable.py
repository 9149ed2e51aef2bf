# builtin descriptors and their bound forms are callable
print(callable(list.__iter__), callable([].__iter__), callable(list.append), callable(dict.fromkeys), callable(object.__new__))
print(list.__iter__.__call__([1]).__class__.__name__, len.__call__([1, 2]))
