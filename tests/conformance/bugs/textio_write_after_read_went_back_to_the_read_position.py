# A TextIOWrapper write after a read goes where the buffer is (past the chunk read ahead), as 3.11
# writes it: the decoded text not yet read is dropped and the decoder reset, the buffer not moved.
import os, shutil, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "t.txt")


def case(data, reads, text, newline=None):
    with open(path, "wb") as f:
        f.write(data)
    with open(path, "r+", encoding="utf-8", newline=newline) as f:
        got = [f.readline() if r == "line" else f.read(r) for r in reads]
        n = f.write(text)
        after = f.tell()
        rest = f.read()
        f.seek(0)
        whole = f.read()
    with open(path, "rb") as f:
        raw = f.read()
    print([(len(g), g[-5:]) for g in got], n, after, (len(rest), rest[-5:]), repr(whole[-12:]), len(raw), raw[-12:])


case(b"a\r\nb\nc\r", ["line"], "z")
case(b"one\ntwo\nthree\n", ["line", 2], "XY\n")
case(b"x" * 9000 + b"\nend\n", ["line"], "W")
case(b"x" * 9000 + b"\nend\n", [100], "W", "")
case(b"", ["line"], "new\n")
with open(path, "w+", encoding="utf-8") as f:
    f.write("first\nsecond\n")
    f.seek(0)
    print(repr(f.readline()), f.tell())
    f.write("3rd\n")
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
shutil.rmtree(d)
