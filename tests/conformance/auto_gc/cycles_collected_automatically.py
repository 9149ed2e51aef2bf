# Cyclic garbage made in a loop is reclaimed by automatic collections without any gc.collect() call.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
freed = []
class Node:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        freed.append(self.n)
for i in range(1000):
    Node(i)
alive = 1000 - len(freed)
gc.set_threshold(700, 10, 10)
print(len(freed), alive, freed[:5], sorted(freed) == freed)
gc.collect()
print(len(freed))
