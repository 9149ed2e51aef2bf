# provenance: a running frame's locals hold their values (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
def f(p):
    loc = p
    check("x in f", x, "global 'x'", "local 'p' in f()", "local 'loc' in f()")
f(x)
check("x after f", x, "global 'x'")
