# provenance: an exception being handled is held by the handler's name and sys.exc_info() (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
try:
    raise ValueError("v")
except ValueError as e:
    err = e
    check("in the handler", e, "global 'e'", "global 'err'", "the exception being handled (sys.exc_info())")
check("after the handler", err, "global 'err'")
