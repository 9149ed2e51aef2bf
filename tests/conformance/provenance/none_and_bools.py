# provenance: None, True and False are static objects (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = None
L = [None, True]
flag = True
check_static("None", x, "global 'x'", "list[0]")
check_static("True", flag, "global 'flag'", "list[1]")
