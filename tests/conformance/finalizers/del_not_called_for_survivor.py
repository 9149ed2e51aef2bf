# An object that outlives gc.collect() is not finalized; only its last reference going away does that.
import gc
class A:
    def __del__(self):
        print('finalized')
a = A()
a.me = a
print(gc.collect() >= 0)
print('still alive', a.me is a)
a.me = None
print('broke the cycle')
del a
print('end')
