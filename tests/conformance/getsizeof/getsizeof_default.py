# getsizeof takes an optional default, used only when the object cannot report its size.
import sys
print(sys.getsizeof(1, 99))
print(sys.getsizeof([], 99))
try:
    sys.getsizeof()
except TypeError as e:
    print(type(e).__name__, e)
