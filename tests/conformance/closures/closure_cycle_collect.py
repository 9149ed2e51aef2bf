# A closure stored in the object it captures makes a cycle: the collector frees it.
import gc
gc.collect()
class Holder:
    def __del__(self):
        print('holder freed')
def make():
    h = Holder()
    def cb():
        return h
    h.cb = cb
    return None
make()
print('after make')
print(gc.collect())
