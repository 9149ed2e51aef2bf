# An instance is 56 bytes in 3.11 (24 basic size + 32-byte pre-header), whatever its attributes or __dict__.
import sys
class A:
    pass
class B:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
class C(B):
    pass
print(sys.getsizeof(A()), sys.getsizeof(B()), sys.getsizeof(C()))
b = B()
d = b.__dict__
print(sys.getsizeof(b))
