# After CPython's start-up: the code objects of the deep-frozen start-up modules (os, posixpath,
# abc, codecs...) and their constants are static objects, as 3.11's deepfreeze makes them: a count
# of 999,999,999 plus the references heap objects hold (a function's __code__ and __doc__, the
# stack's), none from the other static objects that hold them (co_consts, the module's code),
# outside the arenas (getting one allocates no block), untracked, and one object for the
# interpreter's life (_imp.get_frozen_object and a reload give the same code).
# options: --startup=cpython
# oracle: script
# refheap made them as heap objects in the arenas, their counts those of ordinary objects.
import sys, gc, os, posixpath, codecs, importlib, _imp
BASE = 999999999
c = os.walk.__code__
print(sys.getrefcount(os.path.join.__code__) - BASE)
print(sys.getrefcount(c) - BASE, sys.getrefcount(c.co_consts) - BASE, sys.getrefcount(c.co_filename) - BASE)
print(sys.getrefcount(os.walk.__doc__) - BASE, sys.getrefcount(codecs.lookup_error.__doc__))
print([sys.getrefcount(x) - BASE for x in c.co_consts])
print(sys.getrefcount(posixpath.join.__code__.co_consts) - BASE, sys.getrefcount(posixpath.join.__code__.co_names) - BASE)
print(gc.is_tracked(c), gc.is_tracked(c.co_consts), gc.is_tracked(posixpath.join.__code__.co_consts))
print(sys.getsizeof(c.co_consts), sys.getsizeof(os.walk.__doc__))
code = _imp.get_frozen_object('posixpath')
b = sys.getallocatedblocks()  # 1 block more after: b itself (an int over 256)
code = _imp.get_frozen_object('posixpath')
print(sys.getallocatedblocks() - b, code is _imp.get_frozen_object('posixpath'), sys.getrefcount(code) - BASE)
del code
walk = os.walk
importlib.reload(os)
print(os.walk is walk, os.walk.__code__ is walk.__code__, sys.getrefcount(walk.__code__) - BASE)
