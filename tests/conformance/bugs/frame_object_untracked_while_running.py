# Bug (found by the memory fuzzer): a frame object made for a traceback was GC-tracked at once; 3.11 makes it untracked (_PyFrame_New_NoTrack) and tracks it only when it takes over a finished frame, so a caught exception left one more tracked object behind.
import gc
gc.freeze(); F0 = gc.get_freeze_count(); gc.collect()
try:
    missing_name
except NameError as ex:
    tb = ex.__traceback__
running = gc.is_tracked(tb.tb_frame)
ex = None
def g():
    try:
        raise KeyError('k')
    except KeyError as e:
        return e.__traceback__, gc.is_tracked(e.__traceback__.tb_frame)
tb2, while_running = g()
finished = gc.is_tracked(tb2.tb_frame)
del tb, tb2
gc.freeze()
print('module frame tracked while it runs', running)
print('function frame tracked while it runs', while_running, 'after it returned', finished)
print('tracked objects made', gc.get_freeze_count() - F0)
