# provenance: a tuple holds its items (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
t = (x, [x])
check("x", x, "global 'x'", "tuple[0]", "list[0]")
check("t[1]", t[1], "tuple[1]")
