# a memoryview of a memoryview shares the managed buffer; the base is released with the last view
import gc, sys
b = bytearray(b"0123456789")
m1 = memoryview(b)
m2 = memoryview(m1)
m3 = m2[2:8:2]
print(gc.get_referents(m1)[0] is gc.get_referents(m2)[0] is gc.get_referents(m3)[0], m2.obj is b, m3.tobytes())
m1.release()
print(bytes(m2[:3]), m3.tolist())
del m2
try:
    b.append(1)
except BufferError as e:
    print("BufferError:", e)
m3.release()
b.append(33)
print(b, repr(m1).split(" at ")[0], repr(m3).split(" at ")[0])
