# provenance: *args and **kwargs hold the arguments (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
def f(*args, **kw):
    check("x via args", args[0], "global 'x'", "tuple[0]", "dict['k'] (value)")
f(x, k=x)
