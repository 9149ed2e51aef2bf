# provenance: a function holds its defaults tuple, the tuple its values (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def f(x=[], *, y=None):
    pass
check("the default", f.__defaults__[0], "tuple[0]")
check("__defaults__", f.__defaults__, "__defaults__")
