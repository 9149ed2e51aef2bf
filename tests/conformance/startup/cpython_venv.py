# Under --startup=cpython the program runs in a virtual environment without system site-packages,
# as in a clean CPython 3.11 venv: sys.prefix its own (with pyvenv.cfg), base_prefix the installation's
# options: --startup=cpython
import sys, os, site
print(sys.prefix != sys.base_prefix, sys.prefix == sys.exec_prefix, sys.base_prefix == sys.base_exec_prefix)
print(os.path.isfile(os.path.join(sys.prefix, 'pyvenv.cfg')))
print(os.path.dirname(os.path.dirname(sys.executable)) == sys.prefix)
print(site.PREFIXES == [sys.prefix], site.ENABLE_USER_SITE)
print(sys.path[-1] == os.path.join(sys.prefix, 'lib', 'python3.11', 'site-packages'), os.path.isdir(sys.path[-1]))
print(os.path.isfile(os.path.join(sys.base_prefix, 'lib', 'python3.11', 'os.py')))
print(type(sys._home).__name__, type(sys._base_executable).__name__)
print(sum(1 for p in sys.path if p.startswith(sys.prefix)))
