# provenance: sys.modules, the importer's global and the parent package hold a submodule (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
import sys
import provlib.sub as sub
check("provlib.sub", sub, "global 'sub'", "sys.modules['provlib.sub']", "global 'sub' of module 'provlib'")
check("provlib.sub's list", sub.registry, "global 'registry' of module 'provlib.sub'")
