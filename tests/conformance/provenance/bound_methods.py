# provenance: a bound method holds its function and its self (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
class A:
    def meth(self):
        pass
a = A()
m = a.meth
check("a", a, "global 'a'", "__self__")
check("the function", m.__func__, "dict['meth'] (value)", "__func__")
