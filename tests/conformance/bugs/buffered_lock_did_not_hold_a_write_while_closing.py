# A buffered object's lock: a write from another thread while close() is inside the raw stream's
# close waits for it and then finds the object closed (ValueError); a write that re-enters the same
# object from the same thread (the raw stream writing back into it) is RuntimeError.
import io, threading, time

class SlowClose(io.RawIOBase):
    def __init__(self):
        self.in_close = threading.Event()
        self.log = []
    def writable(self): return True
    def write(self, b):
        self.log.append(bytes(b))
        return len(b)
    def flush(self):
        if self.in_close.is_set():
            time.sleep(0.2)
    def close(self):
        self.in_close.set()
        super().close()

for T in (io.BufferedWriter, io.BufferedRandom):
    raw = SlowClose()
    raw.seekable = lambda: True
    raw.readable = lambda: True
    raw.seek = lambda pos, whence=0: 0
    raw.tell = lambda: 0
    b = T(raw, 8)
    b.write(b"abc")
    t = threading.Thread(target=b.close)
    t.start()
    raw.in_close.wait()
    try:
        b.write(b"spam")
        print(T.__name__, "written")
    except ValueError as e:
        print(T.__name__, "ValueError", e)
    print(b.closed, raw.log)
    t.join()

class Echo(io.RawIOBase):
    def writable(self): return True
    def write(self, data):
        try:
            self.owner.write(b"again")
        except RuntimeError as e:
            print("reentrant:", str(e).split(" inside ")[0], type(self.owner).__name__ in str(e))
        return len(data)

raw = Echo()
w = io.BufferedWriter(raw, 4)
raw.owner = w
w.write(b"0123456789")
w.flush()
print(w.write(b"x"), w.closed)
w.close()
print(w.closed)
