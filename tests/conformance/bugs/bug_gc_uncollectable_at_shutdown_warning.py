# At exit, after sys.modules is emptied and collected, a non-empty gc.garbage is reported as a
# ResourceWarning "gc: N uncollectable objects at shutdown" (through the warnings filters: shown
# with -Wd, an unraisable error with -W error, nothing by default), with the list's repr under
# DEBUG_UNCOLLECTABLE, and nothing under DEBUG_SAVEALL.
import subprocess, sys
code = """if 1:
    import gc
    import _testcapi
    @_testcapi.with_tp_del
    class X:
        def __init__(self, name):
            self.name = name
        def __repr__(self):
            return "<X %%r>" %% self.name
        def __tp_del__(self):
            pass

    x = X('first')
    x.x = x
    x.y = X('second')
    del x
    gc.set_debug(%s)
"""
for debug, options in (("0", ["-Wd"]), ("0", []), ("0", ["-W", "error"]), ("gc.DEBUG_UNCOLLECTABLE", ["-Wd"]), ("gc.DEBUG_SAVEALL", ["-Wd"])):
    p = subprocess.run([sys.executable, *options, "-c", code % debug], capture_output=True)
    lines = [l for l in p.stderr.decode().splitlines() if not l.startswith("gc: uncollectable <X 0x")]
    print(debug, options, p.returncode, repr(p.stdout), lines)
