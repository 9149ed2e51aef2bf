# int.__dict__: the slot wrappers and methods in CPython's order
print([k for k in int.__dict__ if k not in ('real', 'imag', 'numerator', 'denominator', '__doc__')])
print(type(int.__dict__['from_bytes']).__name__, type(int.__dict__['__add__']).__name__)
