# provenance: each frame on the stack holds its own locals (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def inner(b):
    check("obj in inner", b, "local 'a' in outer()", "local 'b' in inner()")
def outer():
    a = {}
    inner(a)
outer()
