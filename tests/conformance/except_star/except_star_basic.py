# except*: each clause gets the matching part of the group; unmatched parts propagate as a group.
def raise_group():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])

try:
    try:
        raise_group()
    except* ValueError as e:
        print("ValueError part:", repr(e))
    except* TypeError as e:
        print("TypeError part:", repr(e))
except ExceptionGroup as rest:
    print("propagated:", repr(rest))
