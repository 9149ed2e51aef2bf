# provenance: a list holds each of its items once per slot (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
L = [x, x, 3]
check("x", x, "global 'x'", "list[0]", "list[1]")
L[0] = None
check("x after L[0] = None", x, "global 'x'", "list[1]")
