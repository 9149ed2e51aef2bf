# provenance: a weak reference is not a holder (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
import weakref
class A:
    pass
a = A()
w = weakref.ref(a)
p = weakref.proxy(a)
check("a", a, "global 'a'")
