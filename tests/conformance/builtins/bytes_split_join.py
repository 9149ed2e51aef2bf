# bytes/bytearray split, rsplit, splitlines, partition, join
for t in (bytes, bytearray):
    s = t(b"  a b\tc\n d  ")
    print(s.split(), s.split(maxsplit=1), s.rsplit(maxsplit=1), s.split(b" "), t(b"a,b,,c").split(b","), t(b"a,b,c").rsplit(b",", 1))
    print(t(b"l1\nl2\r\nl3\rl4").splitlines(), t(b"x\ny\n").splitlines(True), t(b"").split(), t(b"").split(b","))
    print(t(b"k=v=w").partition(b"="), t(b"k=v=w").rpartition(b"="), t(b"kvw").partition(b"="), t(b"kvw").rpartition(b"="))
    print(t(b", ").join([b"a", bytearray(b"b"), memoryview(b"c")]), type(t(b"").join([])).__name__)
    for bad in [lambda: s.split(b""), lambda: t(b"-").join([b"a", "b"]), lambda: s.partition(b"")]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
x = b"only"
print(b"".join([x]) is x, x.strip() is x, x.replace(b"z", b"y") is x)
