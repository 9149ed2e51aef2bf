# bytearray mutation: items, slices (including extended and deleting), append/extend/insert/pop/remove/reverse
b = bytearray(b"hello world")
b[0] = 72
b[-1] = ord("D")
print(b)
b[6:11] = b"there"
print(b)
b[0:5] = [74, 69, 76, 76, 79]
print(b)
b[::2] = b"abcdef"
print(b)
del b[::3]
print(b, len(b))
del b[1]
b.insert(0, 33)
b.insert(100, 63)
b.insert(-1, 35)
print(b)
print(b.pop(), b.pop(0), b)
b.remove(ord("c"))
b.reverse()
print(b)
b.extend(b"12")
b.extend(range(51, 53))
b.extend(bytearray(b"!"))
print(b)
b *= 2
print(b)
x = bytearray(b"ab") + b"cd"
y = b"cd" + bytearray(b"ab")
print(x, type(x).__name__, y, type(y).__name__, bytearray(b"xy") * 3, 2 * bytearray(b"z"))
def setitem(o, k, v):
    o[k] = v
for bad in [lambda: setitem(b, 0, 256), lambda: setitem(b, 0, "a"), lambda: b.append(-1), lambda: bytearray().pop(),
            lambda: b.remove(200), lambda: b[100], lambda: setitem(b, slice(0, 4, 2), b"abc"), lambda: b.extend("str")]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
