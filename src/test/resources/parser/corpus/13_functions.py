def simple():
    pass


def defaults(a, b=1, c="x"):
    return a, b, c


def varargs(*args, **kwargs):
    return args


def kwonly(a, *, b, c=3):
    return a + b + c


def posonly(a, b, /, c, d=4, *, e, f=6, **rest):
    return locals()


def annotated(x: int, y: "str" = "s", *args: int, z: float = 1.0, **kw: dict) -> bool:
    return True


def only_star_args(*args): pass
def posonly_defaults(a=1, /, b=2): pass
def slash_only(a, /): pass


result = defaults(1, c=3, *[2], **{})
varargs(*range(3), *range(2), x=1, **{"y": 2}, **{"z": 3})
f = lambda: 0
g = lambda x, y=2, *a, k, **kw: x
h = lambda *, k: k
i = lambda a, /, b: a
