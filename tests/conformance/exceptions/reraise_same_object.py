# A bare raise re-raises the very same exception object, and raising a saved exception again does too.
seen = []
def inner():
    raise ValueError('v')
def middle():
    try:
        inner()
    except ValueError as m:
        seen.append(m)
        raise
first = None
try:
    middle()
except ValueError as e:
    first = e
print(first is seen[0], first.args)
try:
    raise first
except ValueError as e2:
    print(e2 is first)
seen.clear()
