# While a specialized PRECALL of CPython 3.11 makes a call, the calling frame's f_lasti is the
# PRECALL's offset; cold code (before the code object's 8th run) makes it in CALL.
import sys

seen = []


class Probe:
    def __str__(self):
        return str(sys._getframe(1).f_lasti)

    def __len__(self):
        return sys._getframe(1).f_lasti

    def __hash__(self):
        seen.append(sys._getframe(1).f_lasti)
        return 0


class Meta(type):
    def __instancecheck__(cls, obj):
        seen.append(sys._getframe(1).f_lasti)
        return True


class Checked(metaclass=Meta):
    pass


def s(x):
    return str(x)


def n(x):
    return len(x)


def inst(x):
    return isinstance(x, Checked)


def h(x):
    return {}.get(x)


def init(x):
    # a class: 3.11 never specializes its call (object's tp_new)
    class K:
        def __init__(self):
            self.at = sys._getframe(1).f_lasti
    return K().at


print([s(Probe()) for _ in range(10)])
print([n(Probe()) for _ in range(10)])
for _ in range(10):
    inst(1)
print(seen)
seen.clear()
for _ in range(10):
    h(Probe())
print(seen)
print([init(1) for _ in range(10)])
