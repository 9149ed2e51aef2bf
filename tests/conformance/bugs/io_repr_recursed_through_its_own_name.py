# repr of a buffered object or TextIOWrapper whose name's repr reaches the object again
import io


class Raw(io.RawIOBase):
    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True


for make in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom, lambda r: io.TextIOWrapper(io.BufferedReader(r), encoding="utf-8")):
    raw = Raw()
    f = make(raw)
    raw.name = f
    try:
        print(repr(f))
    except RuntimeError as e:
        print("RuntimeError", str(e).replace("_io.", ""))
    raw.name = "plain"
    print(repr(f).replace("_io.", ""))
    del raw.name
