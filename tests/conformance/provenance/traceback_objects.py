# provenance: an exception holds its traceback, the traceback holds the next one (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
def fail():
    raise KeyError("k")
try:
    fail()
except KeyError as e:
    err = e
tb = err.__traceback__
check("tb", tb, "global 'tb'", "__traceback__")
check("tb.tb_next", tb.tb_next, "tb_next")
