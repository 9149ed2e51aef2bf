# `from package import name` imports a submodule when the package has no such attribute
import sys
from basicpkg import mod
print(mod.__name__, mod.where())
print(mod.LEAF)
from basicpkg.sub import leaf, SUB
print(leaf.__name__, SUB)
