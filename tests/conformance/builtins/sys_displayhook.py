# compile(..., 'single') runs sys.displayhook: the default writes repr to sys.stdout (whatever it
# is now) and sets builtins._; a replaced hook is called instead; without one, RuntimeError
import builtins
import io
import sys

print(sys.displayhook is sys.__displayhook__, type(sys.displayhook).__name__)
exec(compile('1 + 1', '<s>', 'single'))
print(builtins._)
exec(compile('None', '<s>', 'single'))
print(builtins._)
buf = io.StringIO()
sys.stdout = buf
exec(compile('"x" * 3', '<s>', 'single'))
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()))
seen = []
sys.displayhook = seen.append
exec(compile('[1, 2]', '<s>', 'single'))
print(seen)
del sys.displayhook
try:
    exec(compile('5', '<s>', 'single'))
except RuntimeError as e:
    print(e)
sys.displayhook = sys.__displayhook__
sys.__displayhook__(7)
print(builtins._)
try:
    sys.displayhook()
except TypeError as e:
    print(e)
