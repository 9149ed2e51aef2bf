# provenance: replacing a slot moves the holder to the new object (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
a = []
b = []
L = [a]
L[0] = b
check("a", a, "global 'a'")
check("b", b, "global 'b'", "list[0]")
