# A replaced builtins.__import__ is what import statements call (it was never called)
import builtins
orig = builtins.__import__
def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    if not isinstance(fromlist, list):  # CPython's C code imports _io through it too, with a list
        print("importing", name, fromlist, level)
    return orig(name, globals, locals, fromlist, level)
builtins.__import__ = my_import
import json
from os import path
builtins.__import__ = orig
import sys
print("done")
