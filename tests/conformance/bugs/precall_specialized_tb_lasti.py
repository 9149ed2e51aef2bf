# CPython 3.11 quickens a code object at its 8th RESUME or JUMP_BACKWARD; a PRECALL then
# specializes at its first run, and the forms that make the call themselves (len, str, a builtin
# function, a builtin type's method, a type with a tp_vectorcall) leave tb_lasti on the PRECALL,
# 4 bytes before the CALL where the cold code leaves it.


class Bad:
    def __len__(self):
        raise ValueError("len")

    def __str__(self):
        raise KeyError("str")


class Unhashable:
    __hash__ = None


def lasti(call, *args):
    try:
        call(*args)
    except Exception as e:
        return e.__traceback__.tb_next.tb_lasti


def via_len(x):
    return len(x)


def via_str(x):
    return str(x)


def via_float(x):
    return float(x)


def via_int(x):           # int has no tp_vectorcall in 3.11: never specialized
    return int(x)


def via_max(x):           # METH_VARARGS: never specialized
    return max(x)


def via_sorted(x):        # METH_FASTCALL | METH_KEYWORDS with a keyword
    return sorted(x, key=lambda v: 1 / 0)


def via_method(d):        # a method descriptor (dict.get, METH_FASTCALL)
    return d.get(Unhashable())


def via_sort(x):          # list.sort with a keyword: 3.11 does not specialize it
    return x.sort(key=lambda v: 1 / 0)


for name, f, arg in [("len", via_len, Bad()), ("str", via_str, Bad()), ("float", via_float, "x"),
                     ("int", via_int, "x"), ("max", via_max, []), ("sorted", via_sorted, [1, 2]),
                     ("dict.get", via_method, {}), ("list.sort", via_sort, [1, 2])]:
    print(name, [lasti(f, arg) for _ in range(10)])


# one frame warmed by its loop's back edges (JUMP_BACKWARD counts, the RESUME too)
def loop():
    out = []
    for i in range(10):
        try:
            len(Bad())
        except ValueError as e:
            out.append(e.__traceback__.tb_lasti)
    return out


print("for", loop())


# a while loop's test jumps back with POP_JUMP_BACKWARD_IF_TRUE, which does not count
def while_loop():
    out = []
    i = 0
    while i < 10:
        try:
            len(Bad())
        except ValueError as e:
            out.append(e.__traceback__.tb_lasti)
        i += 1
    return out


print("while", while_loop())


# a generator counts each resumption (RESUME after its yield), not the calls that make it
def gen():
    for i in range(2):
        try:
            len(Bad())
        except ValueError as e:
            yield e.__traceback__.tb_lasti


print("gen", [v for _ in range(4) for v in gen()])


# a specialized site that sees another callable misses; 53 misses send it back to the adaptive
# form, which waits 31 runs before specializing again
def site(f, x):
    try:
        f(x)
    except Exception as e:
        return e.__traceback__.tb_lasti


def py(x):
    raise ValueError


seq = [site(len, Bad()) for _ in range(10)]
seq += [site(py, 1) for _ in range(60)]
seq += [site(len, Bad()) for _ in range(40)]
print("deopt", seq)


# a method descriptor's form needs self's type to be exactly its own: a subclass misses
class L(list):
    pass


def index(x):
    try:
        x.index(5)
    except ValueError as e:
        return e.__traceback__.tb_lasti


print("subclass", [index(L() if i % 2 else []) for i in range(20)])


# a finally block re-raises with the PRECALL's lasti; the frame object keeps it
def reraised(x):
    try:
        try:
            len(x)
        finally:
            pass
    except ValueError as e:
        return e.__traceback__.tb_lasti


print("finally", [reraised(Bad()) for _ in range(10)])


def unhandled(x):
    len(x)


def frame_lasti():
    try:
        unhandled(Bad())
    except ValueError as e:
        return e.__traceback__.tb_next.tb_frame.f_lasti


print("frame", [frame_lasti() for _ in range(10)])
