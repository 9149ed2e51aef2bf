# a globals dict may bring its own __builtins__ entry; one without it gets the real builtins inserted
g = {}
exec("r = len('abc')", g)
print(g["r"], "__builtins__" in g, g["__builtins__"] is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else type(g["__builtins__"]).__name__)
h = {"__builtins__": __builtins__}
exec("q = abs(-3)", h)
print(h["q"], h["__builtins__"] is __builtins__)
