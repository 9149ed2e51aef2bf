# CPython's start-up on refheap read the site directories of the installation its standard library
# belongs to (Debian's dist-packages: setuptools' distutils-precedence.pth put _distutils_hack's
# finder first on sys.meta_path); a clean CPython 3.11 venv reads only its own site-packages.
# options: --startup=cpython
import sys
print([getattr(f, '__name__', type(f).__name__) for f in sys.meta_path])
print('_distutils_hack' in sys.modules)
print([p for p in sys.path if 'dist-packages' in p or (p.startswith(sys.base_prefix + '/') and 'site-packages' in p)])
