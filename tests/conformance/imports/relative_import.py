# relative imports: `from . import x`, `from .. import y`, `from ..pkg import z` inside a package
import basicpkg.sub.leaf as leaf
print(leaf.LEAF)
import relpkg.inner.deep as deep
print(deep.up())
