# An open file collected without close() warns "unclosed file" (ResourceWarning, shown under the
# 'default' action) naming the object finalized: the text wrapper, the buffered object or the raw
# FileIO; closefd=False and closed files do not warn (a file left open at exit: ExitFinalizationTest)
import gc
import io
import sys
import warnings

def leak(*args, **kw):
    f = open(__file__, *args, **kw)
    f = None

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('default')
    leak()
    leak('rb')
    leak('rb', buffering=0)
    with open(__file__) as g:
        pass
    del g
    owner = io.FileIO(__file__)
    raw = io.FileIO(owner.fileno(), closefd=False)
    del raw
    owner.close()
    class Keep:
        pass
    k = Keep()
    k.f = open(__file__, 'rb')
    k.me = k
    del k
    gc.collect()
for w in ws:
    print(w.category.__name__, str(w.message).replace(__file__, 'FILE'), type(w.source).__name__, w.filename == __file__)
warnings.simplefilter('default')
sys.stderr = io.StringIO()
leak()          # shown on sys.stderr, with the line and the tracemalloc hint
shown, sys.stderr = sys.stderr.getvalue(), sys.__stderr__
print(shown.replace(__file__, 'FILE'), end='')
