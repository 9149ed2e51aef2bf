# match: an exception raised by a guard propagates with a traceback pointing at the guard.
def f(v):
    match v:
        case [x] if 1 / x:
            return x
    return None

print(f([2]))
print(f([0]))
