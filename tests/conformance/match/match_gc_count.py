# match: which patterns allocate GC objects (MATCH_CLASS's set, list and tuple; MATCH_KEYS's set and tuple) shows in gc.get_count().
import gc

class P:
    __match_args__ = ("a",)
    a = 1

p = P()
d = {"k": 1}
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
match p:
    case P(x):
        pass
n = gc.get_count()[0] - c0
print("class pattern:", n)
gc.collect()
c0 = gc.get_count()[0]
match d:
    case {"k": v}:
        pass
n = gc.get_count()[0] - c0
print("mapping pattern:", n)
gc.collect()
c0 = gc.get_count()[0]
match (1, 2):
    case (a, b):
        pass
n = gc.get_count()[0] - c0
print("sequence pattern:", n)
gc.collect()
c0 = gc.get_count()[0]
match d:
    case {"k": _, **rest}:
        pass
n = gc.get_count()[0] - c0
print("mapping with rest:", n)
gc.enable()
