# The collector's state at the first line after CPython's start-up: gc.get_count(), the objects
# tracked per generation, gc.get_stats() (what a clean CPython 3.11.7 venv's start-up leaves)
# options: --startup=cpython
# oracle: script
import gc
c = gc.get_count(); n = [len(gc.get_objects(i)) for i in range(3)]; s = gc.get_stats()
print(c)
print(n)
print(s)
