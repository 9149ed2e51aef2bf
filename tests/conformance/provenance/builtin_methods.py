# provenance: a builtin method holds the object it is bound to (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
L = []
append = L.append
check("L", L, "global 'L'", "__self__")
