# A buffered writer over a raw stream that would block (write returns None) raises
# BlockingIOError(EAGAIN, message, characters_written) with what of the write was written or
# buffered, keeps what it could, and buffers a write's tail of at most a buffer's size.
import io, errno

class Raw(io.RawIOBase):
    def __init__(self):
        self.out = []
        self.block = set()
        self.limit = None
    def writable(self): return True
    def write(self, b):
        data = bytes(b)
        for i, c in enumerate(data):
            if c in self.block:
                self.block.discard(c)
                if i == 0:
                    return None
                self.out.append(data[:i])
                return i
        self.out.append(data)
        return len(data)
    def pop(self):
        s = b"".join(self.out)
        self.out = []
        return s

raw = Raw()
w = io.BufferedWriter(raw, 8)
print(w.write(b"abcd"), w.write(b"efghi"), raw.pop())
raw.block.add(ord("k"))
print(w.write(b"jklmn"), raw.pop())
raw.block.add(ord("0"))
try:
    w.write(b"opqrwxyz0123456789")
except BlockingIOError as e:
    print("blocked", e.args[1:], e.characters_written)
print(raw.pop())
print(w.write(b"ABCDEFGHI"), raw.pop()[:12])

# the buffer itself cannot be written: flush says 0 written
raw2 = Raw()
w2 = io.BufferedWriter(raw2, 8)
w2.write(b"xyz")
raw2.block.add(ord("x"))
try:
    w2.flush()
except BlockingIOError as e:
    print("flush blocked", e.args[1:], e.characters_written)
w2.flush()
print(raw2.pop())

# a write of exactly the buffer's size is buffered; a longer one is written, its tail buffered
raw3 = Raw()
w3 = io.BufferedWriter(raw3, 8)
print(w3.write(b"12345678"), raw3.pop())
print(w3.write(b"abcdefghijklmnopqrs"), raw3.pop())
w3.flush()
print(raw3.pop())

# blocked before a long write: as much as fits is buffered
raw4 = Raw()
w4 = io.BufferedWriter(raw4, 8)
w4.write(b"ab")
raw4.block.add(ord("a"))
try:
    w4.write(b"0123456789abcdef")
except BlockingIOError as e:
    print("long blocked", e.characters_written)
w4.flush()
print(raw4.pop())

# text over it: the error comes through
raw5 = Raw()
t = io.TextIOWrapper(io.BufferedWriter(raw5, 4), encoding="ascii", write_through=True)
raw5.block.add(ord("c"))
try:
    t.write("abcdefgh")
except BlockingIOError as e:
    print("text blocked", e.characters_written)
