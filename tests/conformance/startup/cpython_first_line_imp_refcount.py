# _frozen_importlib_external holds _imp as a global (its `import _imp` at the top), as
# _frozen_importlib does: _imp's refcount at the first line after CPython's start-up is CPython's
# options: --startup=cpython
# oracle: script
import sys
print(sys.getrefcount(sys.modules['_imp']))
print(sys.modules['_frozen_importlib_external']._imp is sys.modules['_imp'])
