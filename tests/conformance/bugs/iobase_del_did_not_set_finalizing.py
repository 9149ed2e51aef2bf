# _IOBase.__del__ (iobase_finalize) sets self._finalizing = True before close(): so a FileIO
# subclass whose __del__ calls super().__del__() warns "unclosed file" as CPython's does, and an
# instance of another _IOBase class gets the attribute in its dict.
import io, gc, os, tempfile, warnings

record = []
class MyFileIO(io.FileIO):
    def __del__(self):
        record.append(1)
        super().__del__()
    def close(self):
        record.append(("close", self._finalizing))
        super().close()
    def flush(self):
        record.append(3)
        super().flush()

d = tempfile.mkdtemp()
path = os.path.join(d, "f")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f = MyFileIO(path, "wb")
    f.write(b"xxx")
    del f
    gc.collect()
print(record, [(x.category.__name__, str(x.message).split(" ")[0:2]) for x in w])
with open(path, "rb") as g:
    print(g.read())
os.unlink(path)
os.rmdir(d)

class Plain(io.IOBase):
    def close(self):
        print("closing", vars(self))
        super().close()
p = Plain()
del p

class NoSet(io.StringIO):
    def __setattr__(self, name, value):
        print("setattr", name, value)
        raise AttributeError(name)
    def close(self):
        print("close")
        super().close()
n = NoSet()
del n

b = io.BytesIO(b"x")
b.__del__()
print(vars(b), b.closed)
