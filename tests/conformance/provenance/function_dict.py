# provenance: a function's __dict__ holds its attributes (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def f():
    pass
f.tag = []
check("f.tag", f.tag, "dict['tag'] (value)")
