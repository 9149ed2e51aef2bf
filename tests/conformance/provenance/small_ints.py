# provenance: small ints are static objects: the initial count is named, the holders too (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
n = 7
L = [7, n]
check_static("7", n, "global 'n'", "list[0]", "list[1]")
