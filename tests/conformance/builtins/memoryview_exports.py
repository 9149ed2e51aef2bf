# a memoryview over a bytearray prevents resizing until every view of it is released or gone
b = bytearray(b"hello")
m = memoryview(b)
def delete_first():
    del b[0]
for op in [lambda: b.append(1), lambda: b.extend(b"x"), lambda: b.pop(), lambda: b.clear(), delete_first]:
    try:
        op()
    except BufferError as e:
        print("BufferError:", e)
b[0] = ord("J")
print(bytes(m))
s = m[1:3]
m.release()
try:
    b.append(33)
except BufferError as e:
    print("slice still exports:", e)
del s
b.append(33)
print(b)
with memoryview(b) as v:
    v[0] = ord("j")
    try:
        b.append(1)
    except BufferError as e:
        print("in with:", e)
b.append(63)
print(b, repr(v).split(" at ")[0])
for op in [lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: bytes(v)]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
