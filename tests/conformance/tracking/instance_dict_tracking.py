# A materialised instance __dict__ holding only atoms is untracked; the instance itself is always tracked.
import gc
class A:
    pass
a = A()
a.x = 1
a.y = 'two'
print(gc.is_tracked(a))
d = a.__dict__
print(gc.is_tracked(d))
a.z = [3]
print(gc.is_tracked(d))
