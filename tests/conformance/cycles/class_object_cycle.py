# A class is in cycles with its own attributes; deleting the last name leaves them for the collector.
import gc
gc.collect()
class A:
    def m(self):
        return 1
del A
print(gc.collect())
class B:
    pass
del B
print(gc.collect())
