# references to a module: sys.modules and each name bound to it; a submodule is also held by its parent's attribute
import sys
sys.path.insert(1, sys.path[0] + '/mods')
import helper
r1 = sys.getrefcount(helper)
import helper as h2
r2 = sys.getrefcount(helper)
del h2
r3 = sys.getrefcount(helper)
import basicpkg.sub.leaf
r4 = sys.getrefcount(basicpkg.sub.leaf)
print(r1, r2, r3, r4)
