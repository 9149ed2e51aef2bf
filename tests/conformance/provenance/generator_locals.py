# provenance: a suspended generator's frame holds its locals (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def gen():
    z = []
    yield z
g = gen()
item = next(g)
check("item", item, "global 'item'", "local 'z' in gen()")
g.close()
check("item after close", item, "global 'item'")
