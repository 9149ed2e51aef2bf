# Collected counts of instance cycles grow with materialised __dict__s and extra containers.
import gc
gc.collect()
class A:
    pass
def pair(touch):
    a = A()
    b = A()
    a.o = b
    b.o = a
    a.items = [1, 2]
    if touch:
        d = a.__dict__
    return None
pair(False)
print(gc.collect())
pair(True)
print(gc.collect())
