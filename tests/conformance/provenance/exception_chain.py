# provenance: __context__ and __cause__ hold the earlier exception (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("outer") from inner
except ValueError as e:
    err = e
first = err.__cause__
check("cause", first, "global 'first'", "__cause__", "__context__")
