# TextIOWrapper.newlines is the newline decoder's record: set when a chunk is decoded (the whole
# chunk, text still buffered included), forgotten by a reset (seek(0), seek(0, 2), a write, and
# tell() when its snapshot lies at the stream's start), and made again by the decoding tell() does.
import io, os, shutil, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "t.txt")


def mk(data):
    with open(path, "wb") as f:
        f.write(data)


def short(s):
    return (len(s), s[:12])


def run(data, nl, enc, steps):
    mk(data)
    out = []
    with open(path, encoding=enc, newline=nl) as f:
        for step in steps:
            if step == "readline":
                r = short(f.readline())
            elif step == "tell":
                r = f.tell()
            elif step == "seektell":
                r = f.seek(f.tell())
            elif step == "seek0":
                r = f.seek(0)
            elif step == "seekend":
                r = f.seek(0, 2)
            elif step == "seekcur":
                r = f.seek(0, 1)
            elif step == "read":
                r = short(f.read())
            elif step.startswith("read"):
                r = short(f.read(int(step[4:])))
            elif step == "iter":
                r = sum(1 for _ in f)
            out.append("%s=%r %r" % (step, r, f.newlines))
    print(repr(data[:16]), len(data), nl, enc)
    print("   ", " | ".join(out))


small = [b"a\nb\r\nc\rd\n", b"a\r\nb\nc", b"x\ry\n", b"abc", b"a\nb\n\r", b"\r\n\r\n"]
steps = ["readline", "tell", "readline", "tell", "seek0", "read3", "tell", "read", "tell", "seekend", "readline"]
steps2 = ["readline", "seektell", "readline", "seektell", "read1", "tell", "seektell", "read", "tell"]
for data in small:
    for nl in (None, "", "\n"):
        run(data, nl, "utf-8", steps)
        run(data, nl, "utf-8", steps2)

# chunk boundaries (8192 bytes): a '\r\n' split across them, kinds that appear only in later chunks
big = [
    b"a" * 8191 + b"\r\n" + b"b\n" * 10,
    b"line\n" * 2000 + b"cr\r" * 10 + b"crlf\r\n" * 5000,
    b"\xc3\xa9" * 4095 + b"x\r\n" + b"y\r" * 3000,
]
bsteps = ["readline", "tell", "readline", "read10", "tell", "seektell", "read20000", "tell", "seek0", "iter", "tell", "seekcur", "readline", "read"]
for data in big:
    for nl in (None, ""):
        run(data, nl, "utf-8", bsteps)
run(big[1], None, "latin-1", bsteps)
run("a\nb\r\nc\rd\n".encode("utf-16"), None, "utf-16", ["readline", "tell", "readline", "tell", "seek0", "readline", "read"])
run(b"\xef\xbb\xbfa\r\nb\nc", None, "utf-8-sig", ["readline", "tell", "readline", "tell", "seek0", "read"])

# a write forgets them
mk(b"a\r\nb\nc\r")
with open(path, "r+", encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.newlines), f.tell(), repr(f.newlines))
    f.write("z")
    print(repr(f.newlines), repr(f.read()), repr(f.newlines))

# io.IncrementalNewlineDecoder itself
for translate in (False, True):
    dec = io.IncrementalNewlineDecoder(None, translate)
    for piece, final in [("a\r", False), ("\nb", False), ("\r", False), ("", False), ("c\r", True)]:
        r = dec.decode(piece, final)
        print(translate, repr(piece), final, repr(r), repr(dec.newlines), dec.getstate())
    dec.setstate((b"", 1))
    print(repr(dec.decode("\n")), repr(dec.newlines), dec.getstate())
    dec.reset()
    print(repr(dec.newlines), dec.getstate())
import codecs
dec = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), True)
print(repr(dec.decode(b"\xc3")), dec.getstate(), repr(dec.decode(b"\xa9\r")), dec.getstate(), repr(dec.newlines))
dec.setstate((b"\xc3", 0))
print(repr(dec.decode(b"\xa9\n", True)), dec.getstate(), repr(dec.newlines))

shutil.rmtree(d)
