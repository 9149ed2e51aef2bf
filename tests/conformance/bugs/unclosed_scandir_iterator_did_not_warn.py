# An os.scandir() iterator dropped before it is exhausted or closed closes its directory stream and
# warns (ResourceWarning "unclosed scandir iterator <...>", ScandirIterator_finalize); an exhausted or
# closed one does not; a warning made an error is reported as unraisable in the iterator.
import os, sys, tempfile, warnings, shutil

d = tempfile.mkdtemp()
for name in ('a.txt', 'b.txt'):
    open(os.path.join(d, name), 'w').close()

def messages(w):
    return [(x.category.__name__, str(x.message).split(' at 0x')[0]) for x in w]

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    it = os.scandir(d)
    next(it)
    del it
    print('started:', messages(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    it = os.scandir(d)
    list(it)
    del it
    it = os.scandir(d)
    it.close()
    del it
    with os.scandir(d) as it:
        next(it)
    del it
    print('exhausted, closed, with:', messages(w))

seen = []
def hook(u):
    seen.append((type(u.exc_value).__name__, str(u.exc_value).split(' at 0x')[0], type(u.object).__name__, u.err_msg))
sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter('error')
    it = os.scandir(d)
    del it
sys.unraisablehook = sys.__unraisablehook__
print('as an error:', seen)
shutil.rmtree(d)
