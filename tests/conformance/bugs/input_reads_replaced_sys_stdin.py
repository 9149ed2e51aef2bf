# input() with sys.stdin replaced (a StringIO, as pdb's and doctest's callers do) reads that
# object's readline and writes the prompt to sys.stdout, whatever it is; refheap read the
# console's stdin instead (EOFError with stdin at its end)
import contextlib, io, sys

sys.stdin = io.StringIO("first\nsecond")
out = io.StringIO()
with contextlib.redirect_stdout(out):
    a = input("prompt> ")
    b = input()
try:
    input("again> ")
except EOFError as e:
    print("EOFError", e)
print(repr(a), repr(b), repr(out.getvalue()))

class Odd:
    def readline(self):
        return 42
sys.stdin = Odd()
try:
    input()
except TypeError as e:
    print("TypeError", e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("RuntimeError", e)
sys.stdin = sys.__stdin__
