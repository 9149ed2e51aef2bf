# provenance: a set holds its members (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class K:
    pass
k = K()
s = {k}
check("k", k, "global 'k'", "set item")
