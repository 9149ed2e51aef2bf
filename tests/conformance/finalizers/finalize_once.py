# __del__ runs at most once per object, even if the object is resurrected and dies again.
import gc
saved = []
class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalize', self.n)
        saved.append(self)
p = Phoenix(1)
del p
print(len(saved))
saved.clear()
print('cleared')
gc.collect()
print('end')
