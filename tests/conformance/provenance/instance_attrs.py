# provenance: an instance holds its attribute values (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class A:
    pass
a = A()
v = []
a.x = v
a.y = v
check("v", v, "global 'v'", "attribute .x", "attribute .y")
del a.x
check("v after del a.x", v, "global 'v'", "attribute .y")
