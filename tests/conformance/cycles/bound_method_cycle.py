# Storing a bound method on its own instance is a cycle: instance -> method -> instance.
import gc
gc.collect()
class A:
    def m(self):
        return 1
a = A()
a.cb = a.m
del a
print(gc.collect())
