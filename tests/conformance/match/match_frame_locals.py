# match: captures are ordinary locals (fast slots in functions, names at module level and in class bodies).
def f(v):
    match v:
        case {"a": [x, *ys], **kw}:
            pass
    return sorted(locals().items())

print(f({"a": [1, 2, 3], "b": 4}))

class K:
    match (1, 2):
        case (first, second):
            pass
print(K.first, K.second)
match {"z": 0}:
    case {"z": zed}:
        pass
print("zed" in globals(), zed)
