# Saving a caught exception in a local of the frame that caught it: exception -> traceback -> frame -> exception.
import gc
gc.collect()
class Marker:
    def __del__(self):
        print('marker freed')
def f():
    m = Marker()
    try:
        raise ValueError('x')
    except ValueError as e:
        err = e
    return 'returned'
print(f())
print('collected', gc.collect())
