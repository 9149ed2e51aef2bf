sign = lambda x: -1 if x < 0 else 1 if x > 0 else 0
pick = (lambda a, b: a) if flag else (lambda a, b: b)
compose = lambda f, g: lambda *a, **k: f(g(*a, **k))
default = value if value is not None else []
nested = [x if x else -x for x in data if x is not None]
