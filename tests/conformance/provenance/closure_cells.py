# provenance: a closure's cell holds the captured value (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def make():
    v = []
    def get():
        return v
    return get
g = make()
check("captured", g.__closure__[0].cell_contents, "cell of a closure")
check("the cell", g.__closure__[0], "tuple[0]")
