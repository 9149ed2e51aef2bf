# functions and classes defined in exec'd code see the exec globals; class bodies get their own namespace
ns = {}
exec("""
counter = 0
def bump():
    global counter
    counter += 1
    return counter
class Point:
    dims = 2
    def __init__(self, x):
        self.x = x
    def double(self):
        return Point(self.x * 2)
""", ns)
print(ns["bump"](), ns["bump"](), ns["counter"])
p = ns["Point"](3).double()
print(p.x, type(p).__name__, type(p).__module__ if hasattr(type(p), "__module__") else None)
print(ns["bump"].__globals__ is ns)
