# provenance: a list holding itself (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
L = []
L.append(L)
check("L", L, "global 'L'", "list[0]")
d = {}
d["me"] = d
check("d", d, "global 'd'", "dict['me'] (value)")
