# traceback formats exceptions and stacks with source lines from linecache
import traceback, sys

def inner():
    raise ValueError('bad value')

def outer():
    inner()

try:
    outer()
except ValueError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0])
    print(traceback.format_exception_only(type(e), e))
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.line) for f in tb])
    print(len(traceback.format_tb(e.__traceback__)))

def show():
    return traceback.extract_stack(limit=2)
print([f.name for f in show()])
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError('k') from z
except KeyError as k:
    out = traceback.format_exception(k)
    print(len(out), out[-1].strip())
    print(any('direct cause' in line for line in out))
te = traceback.TracebackException.from_exception(ValueError('x'))
print(list(te.format_exception_only()))
traceback.print_exception(ValueError('printed'), file=sys.stdout)
