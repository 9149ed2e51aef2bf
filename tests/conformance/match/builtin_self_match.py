# match: builtin types (int, str, float, bool, list, dict, tuple, bytes, set, frozenset) match themselves positionally.
def kind(v):
    match v:
        case bool(b):
            return ("bool", b)
        case int(0 | 1 as n):
            return ("small int", n)
        case int(n):
            return ("int", n)
        case float(f):
            return ("float", f)
        case str(s) if s:
            return ("str", s)
        case str():
            return "empty str"
        case bytes(bs):
            return ("bytes", bs)
        case list([x, *_]):
            return ("list starting with", x)
        case tuple(t):
            return ("tuple", t)
        case dict({"k": v}):
            return ("dict with k", v)
        case set(s) | frozenset(s):
            return ("set", sorted(s))
        case _:
            return "other"

for v in [True, 0, 1, 99, 1.5, "hi", "", b"b", [7, 8], (1, 2), {"k": 3}, {1, 2}, frozenset({3}), None, [], {}]:
    print(repr(v), "->", kind(v))
