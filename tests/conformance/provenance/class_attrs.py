# provenance: a class's namespace holds its attributes (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class A:
    items = []
check("A.items", A.items, "dict['items'] (value)")
shared = A.items
check("A.items bound too", A.items, "dict['items'] (value)", "global 'shared'")
