# After CPython's start-up: a frozen standard library module's code (ntpath's here: frozen in CPython 3.11, and everything it
# imports is imported at start) is deep-frozen, static: importing it frees no code object, so its
# co_consts and co_names tuples never reach the tuple free lists (the sizes over 5 stay empty).
# options: --startup=cpython
# refheap freed the module's code after running it, its tuples going to the free lists.
import gc, sys
gc.disable()
x = object()
keep = []
def free_tuples(k):
    # how many k-tuples the free list gives before fresh ones are allocated (only those move count0)
    a = gc.get_count()[0]
    for i in range(40):
        keep.append((x,) * k)
    return 40 - (gc.get_count()[0] - a)
before = [free_tuples(k) for k in range(6, 21)]
print('ntpath' in sys.modules)
import ntpath
print([free_tuples(k) for k in range(6, 21)])
gc.enable()
