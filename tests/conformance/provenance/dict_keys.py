# provenance: a dict holds its keys (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class K:
    pass
k = K()
m = {k: 1}
check("k", k, "global 'k'", "dict key")
m[k] = 2
check("k after a value changed", k, "global 'k'", "dict key")
