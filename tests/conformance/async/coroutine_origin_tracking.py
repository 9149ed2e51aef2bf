# sys.set_coroutine_origin_tracking_depth and cr_origin: (filename, line, name) for up to depth frames, the caller first; the never-awaited warning then says where the coroutine was made.
import sys, gc
print(sys.get_coroutine_origin_tracking_depth())
async def c(): pass
def make():
    return c()
x = make()
print(x.cr_origin)
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
y = make()
print(y.cr_origin, y.cr_origin in gc.get_referents(y), sys.getrefcount(y.cr_origin))
sys.set_coroutine_origin_tracking_depth(depth=2)
z = make()
print(z.cr_origin)
try: sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e: print(e)
try: sys.set_coroutine_origin_tracking_depth("1")
except TypeError as e: print(e)
x.close(); y.close()
del z
sys.set_coroutine_origin_tracking_depth(0)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(1)
async def nested():
    return make()
w = nested()
try:
    w.send(None)
except StopIteration as e:
    inner = e.value
print(inner.cr_origin, w.cr_origin)
inner.close(); w.close()
for bad in ((), (1, 2), {"depth": 1, "x": 2}):
    try:
        if isinstance(bad, dict): sys.set_coroutine_origin_tracking_depth(**bad)
        else: sys.set_coroutine_origin_tracking_depth(*bad)
    except TypeError as e:
        print(e)
sys.set_coroutine_origin_tracking_depth(0)
