# provenance: a for loop's target and the iterated tuple (the compiler makes [x] one) hold the item (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
for item in [x]:
    check("item", item, "global 'x'", "global 'item'", "tuple[0]")
