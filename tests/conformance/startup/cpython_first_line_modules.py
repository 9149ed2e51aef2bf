# The modules in sys.modules at the first line after CPython's start-up: a clean CPython 3.11.7
# venv's (importlib's, the utf-8 codec's, io and site's; no distribution .pth file's, no sitecustomize)
# options: --startup=cpython
import sys
print(sorted(sys.modules))
