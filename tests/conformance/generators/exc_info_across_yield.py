# A generator suspended inside an except block keeps its handled exception to itself (gi_exc_state): the caller sees none.
import sys
def gen():
    try:
        raise KeyError("inside")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])

g = gen()
print(next(g))
print("caller:", sys.exc_info())
try:
    raise ValueError("caller's")
except ValueError:
    print(next(g))
    print(next(g))
    print("caller still:", repr(sys.exc_info()[1]))
