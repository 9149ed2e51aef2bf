# Finalizers of items run in the order their container releases them, the container being freed by refcount or gc.
import gc
gc.collect()
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalize', self.n)
l = [A(1), A(2), A(3)]
l.append(l)
del l
print('collect')
print(gc.collect())
