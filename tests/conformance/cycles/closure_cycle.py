# A nested function that refers to itself forms function -> closure tuple -> cell -> function: 3 objects.
import gc
gc.collect()
def outer():
    def rec(n):
        if n == 0:
            return 0
        return rec(n - 1)
    return rec
f = outer()
print(f(3))
del f
print(gc.collect())
