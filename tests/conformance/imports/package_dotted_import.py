# `import a.b.c` imports the parents first, binds only `a`, and sets each child as an attribute of its parent
import sys
import basicpkg.sub.leaf
print(hasattr(basicpkg.sub, 'leaf'), basicpkg.sub.leaf.LEAF)
print(basicpkg.sub.leaf is sys.modules['basicpkg.sub.leaf'])
import basicpkg.sub.leaf as leaf
print(leaf is basicpkg.sub.leaf)
print('basicpkg.sub' in globals(), 'leaf' in globals())
