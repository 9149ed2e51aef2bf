# A generator whose close() ignored GeneratorExit is deallocated still suspended: its frame object
# (made when GeneratorExit passed through the frame's handler) went with the frame only when the
# generator had completed; a suspended one kept it forever (refcount 1, no holder). 3.11's
# gen_dealloc clears the frame as any other: the frame object goes, or takes the frame over if held.
import gc, sys
def f():
    try:
        yield 1
    except GeneratorExit:
        yield 2
sys.unraisablehook = lambda args: None
def run(keep):
    g = f()
    next(g)
    fr = g.gi_frame if keep else None
    n = len(gc.get_objects())
    del g
    return fr
gc.collect()
before = sum(1 for o in gc.get_objects() if type(o).__name__ == 'frame')
for i in range(5):
    run(False)
gc.collect()
after = sum(1 for o in gc.get_objects() if type(o).__name__ == 'frame')
print('frames left by suspended generators:', after - before)
fr = run(True)
print(type(fr).__name__, fr.f_code.co_name, fr.f_back, fr.f_lineno, sorted(fr.f_locals))
del fr
gc.collect()
print('after:', sum(1 for o in gc.get_objects() if type(o).__name__ == 'frame') - before)
