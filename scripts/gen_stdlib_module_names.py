#!/usr/bin/env python3
"""Writes sys.stdlib_module_names of CPython 3.11 (the names of the standard library's modules and
packages for this platform and the others, as the interpreter lists them) for refheap's sys module.
Run with python3 = CPython 3.11:  python3 scripts/gen_stdlib_module_names.py"""
import os, sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'dev', 'refheap',
                   'lang', 'vm', 'stdlib-module-names.txt')
with open(out, 'w') as f:
    f.write('# sys.stdlib_module_names of CPython %s (scripts/gen_stdlib_module_names.py)\n' % sys.version.split()[0])
    for name in sorted(sys.stdlib_module_names):
        f.write(name + '\n')
