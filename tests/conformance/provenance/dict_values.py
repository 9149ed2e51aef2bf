# provenance: a dict holds each value once per key (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
d = {}
holder = {"a": d, "b": d}
check("d", d, "global 'd'", "dict['a'] (value)", "dict['b'] (value)")
del holder["a"]
check("d after del", d, "global 'd'", "dict['b'] (value)")
