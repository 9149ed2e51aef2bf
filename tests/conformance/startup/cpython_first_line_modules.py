# The modules in sys.modules at the first line after CPython's start-up: a clean CPython 3.11.7
# venv's (importlib's, the utf-8 codec's, io and site's; no distribution .pth file's); sitecustomize
# only when the standard library has one (Debian's does, CPython 3.11.7's does not), as site imports it
# options: --startup=cpython
import sys
import os
print(sorted(m for m in sys.modules if m != 'sitecustomize'))
print(('sitecustomize' in sys.modules) == os.path.isfile(os.path.join(os.path.dirname(os.__file__), 'sitecustomize.py')))
