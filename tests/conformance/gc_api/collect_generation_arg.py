# gc.collect accepts generations 0..2 (default 2); anything else raises ValueError or TypeError.
import gc
print(gc.collect(0), gc.collect(1), gc.collect(2), gc.collect())
print(gc.collect(generation=1))
for g in [3, -1, 100]:
    try:
        gc.collect(g)
    except ValueError as e:
        print(g, type(e).__name__, e)
try:
    gc.collect('2')
except TypeError as e:
    print(type(e).__name__, e)
try:
    gc.collect(1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    gc.collect(0, 1)
except TypeError as e:
    print(type(e).__name__, e)
