# Fixed-size objects: float 24, None 16, object() 16, bool 28.
import sys
print(sys.getsizeof(1.0), sys.getsizeof(-2.5e300))
print(sys.getsizeof(None))
print(sys.getsizeof(object()))
print(sys.getsizeof(True))
