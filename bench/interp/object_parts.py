# Not a workload: what making an object costs per kind of class, once the process is warm.
#
#   python3 bench/interp/object_parts.py PART [BLOCKS]      (or: ./refheap run bench/interp/object_parts.py PART)
#
# PART is one of
#   loop      for i in range(100000): pass   (the loop alone: FOR_ITER's int made, STORE_FAST frees the last)
#   call      the loop calling a function that does nothing
#   empty     the loop making an instance of a class without __init__ (object's __init__: none called)
#   initpass  ... of a class whose __init__ does nothing
#   initset   ... whose __init__ sets one attribute (self.me = None)
#   initarg   ... whose __init__ takes an argument and stores it (InitArg(i): the call's argument tuple too)
# Each part runs BLOCKS (default 25) blocks of 100,000 inside a function (LOAD_GLOBAL, STORE_FAST) and
# prints the median thread CPU milliseconds per block of the last 15. Differences between parts give
# one step's cost: initpass - loop is making, initialising and freeing an instance.
import sys, time

part = sys.argv[1] if len(sys.argv) > 1 else 'initset'
nblocks = int(sys.argv[2]) if len(sys.argv) > 2 else 25
if part not in ('loop', 'call', 'empty', 'initpass', 'initset', 'initarg'):
    sys.exit('unknown part %r: loop, call, empty, initpass, initset or initarg' % part)
if nblocks < 11:
    sys.exit('BLOCKS must be at least 11 (the first ten are the warm-up)')

class Empty:
    pass

class InitPass:
    def __init__(self):
        pass

class InitSet:
    def __init__(self):
        self.me = None

class InitArg:
    def __init__(self, v):
        self.value = v

def f():
    pass

def run():
    blocks = []
    for k in range(nblocks):
        t = time.thread_time()
        if part == 'loop':
            for i in range(100000): pass
        elif part == 'call':
            for i in range(100000): f()
        elif part == 'empty':
            for i in range(100000): Empty()
        elif part == 'initpass':
            for i in range(100000): InitPass()
        elif part == 'initset':
            for i in range(100000): InitSet()
        else:
            for i in range(100000): InitArg(i)
        blocks.append((time.thread_time() - t) * 1000)
    late = sorted(blocks[10:])
    print('%s %.2f ms per 100,000 (median of the last %d blocks)' % (part, late[len(late) // 2], len(late)))

run()
