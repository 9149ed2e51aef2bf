# provenance: deleting from sys.modules drops one holder of a module (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
import sys
import provlib.sub
mod = sys.modules["provlib.sub"]
check("provlib.sub", mod, "global 'mod'", "sys.modules['provlib.sub']", "global 'sub' of module 'provlib'")
del sys.modules["provlib.sub"]
check("after del sys.modules", mod, "global 'mod'", "global 'sub' of module 'provlib'")
