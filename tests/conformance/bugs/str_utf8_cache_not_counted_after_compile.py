# compile(), exec() and eval() read a str source as UTF-8 (PyUnicode_AsUTF8AndSize), which keeps
# the encoded bytes with a non-ASCII str; its __sizeof__ counts them (plus a NUL) from then on.
# refheap kept no such bytes, so the size did not change (test_sys's test_objecttypes).
import sys

for c in (0x4000, 0xe9, 0x10400):
    s = chr(c)
    before = sys.getsizeof(s)
    compile(s, "<stdin>", "eval")
    print(hex(c), before, sys.getsizeof(s), sys.getsizeof(s) - before)
    compile(s, "<stdin>", "eval")
    print(sys.getsizeof(s) - before)

src = "x = 'caf\u00e9'\n"
b = sys.getsizeof(src)
exec(src, {})
print(sys.getsizeof(src) - b)
src2 = "'\u4e2d\u6587' * 2"
b = sys.getsizeof(src2)
print(eval(src2), sys.getsizeof(src2) - b)

# ASCII: the data is the UTF-8 already
a = "1 + 2"
b = sys.getsizeof(a)
print(eval(a), sys.getsizeof(a) - b)

# a subclass instance counts its UTF-8 too
class S(str):
    pass

t = S("'\u00e9t\u00e9'")
b = sys.getsizeof(t)
print(eval(t), sys.getsizeof(t) - b)

# a lone surrogate cannot be read so, and nothing is kept
u = "'\udc80'"
b = sys.getsizeof(u)
try:
    compile(u, "<s>", "eval")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason)
print(sys.getsizeof(u) - b)

# a syntax error still leaves the bytes
v = "\u00e9 +"
b = sys.getsizeof(v)
try:
    compile(v, "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__)
print(sys.getsizeof(v) - b)

# the str with its bytes lives and dies as before
for i in range(1000):
    w = "'\u00fc%d'" % i
    compile(w, "<s>", "eval")
print(sys.getsizeof(w))
