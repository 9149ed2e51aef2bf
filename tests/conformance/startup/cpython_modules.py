# Under --startup=cpython the first line sees the modules CPython 3.11's start-up imported (importlib, codecs, io, site)
# options: --startup=cpython
import sys
present = [name for name in (
    "__main__", "_codecs", "_collections_abc", "_frozen_importlib", "_frozen_importlib_external", "_imp", "_io",
    "_signal", "_sitebuiltins", "_stat", "_thread", "_weakref", "abc", "builtins", "codecs", "encodings",
    "encodings.aliases", "encodings.utf_8", "genericpath", "io", "os", "os.path", "posix", "posixpath", "site",
    "stat", "sys", "time") if name in sys.modules]
not_yet = [name for name in ("warnings", "re", "collections", "functools", "enum", "weakref", "typing")
           if name in sys.modules]
print(len(present), present[:3], present[-3:])
print(not_yet)
os = sys.modules["os"]
print(sys.modules["os.path"] is sys.modules["posixpath"], os.path is sys.modules["posixpath"])
print(sys.modules["encodings.utf_8"].getregentry().name)
print(type(sys.modules["site"]).__name__, sys.modules["site"].__name__)
