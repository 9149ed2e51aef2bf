# options: --startup=cpython
# a program's __main__ is the namespace python3 gives a script: its names in CPython's order, their values, the loader a SourceFileLoader for the file
import sys, gc
names = list(globals())
m = sys.modules["__main__"]
print(names[:9])
print(m.__dict__ is globals(), __name__, __doc__, __package__, __spec__, __cached__, __file__ == sys.argv[0])
print(__annotations__, type(__annotations__) is dict, gc.is_tracked(__annotations__), sys.getrefcount(__annotations__))
print(__builtins__ is sys.modules["builtins"], type(__builtins__).__name__)
print(type(__loader__).__module__, type(__loader__).__qualname__, [c.__name__ for c in type(__loader__).__mro__])
print(__loader__.name, __loader__.path == __file__, sys.getrefcount(__loader__), gc.is_tracked(__loader__), sorted(vars(__loader__)))
print(__loader__.get_filename("__main__") == __file__, __loader__.is_package("__main__"))
x: int = 1
print(__annotations__, names[5] == "__annotations__")
