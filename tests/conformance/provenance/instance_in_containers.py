# provenance: one instance held by a list, a dict, an attribute and a name (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class Node:
    pass
n = Node()
other = Node()
other.next = n
reg = {"n": n}
seq = [n]
check("n", n, "global 'n'", "attribute .next", "dict['n'] (value)", "list[0]")
