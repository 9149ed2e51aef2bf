# print(file=...) and print with sys.stdout replaced write through the object's write() (one call per
# piece: item, sep, ..., end; flush() when asked); sys.stdout None prints nothing; sys.__stdout__
# and friends are the original streams.
import sys
class W:
    def write(self, s): sys.__stdout__.write('[' + s + ']'); return len(s)
    def flush(self): sys.__stdout__.write('<flush>')
print('a', 'b', sep='-', end='!\n', file=W(), flush=True)
print('err', file=sys.stderr)
print('x', file=None)
sys.stdout = W()
print(1, 2)
sys.stdout = sys.__stdout__
old = sys.stdout; sys.stdout = None; print('nothing'); sys.stdout = old
print(sys.__stdin__ is sys.stdin, sys.__stderr__ is sys.stderr)
try: print('x', file=1)
except AttributeError as e: print(e)
