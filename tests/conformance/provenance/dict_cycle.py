# provenance: the seed notebook's two dicts in a cycle (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
check("d1", d1, "global 'd1'", "dict['d1'] (value)")
check("d2", d2, "global 'd2'", "dict['d2'] (value)")
