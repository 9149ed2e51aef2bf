# bytes/bytearray search methods: find, rfind, index, rindex, count, with ints, ranges and empty needles
for t in (bytes, bytearray):
    s = t(b"hello world, hello")
    print(t.__name__, s.find(b"lo"), s.find(b"lo", 5), s.find(b"zz"), s.rfind(b"hello"), s.find(111), s.find(b""), s.find(b"", 100))
    print(s.count(b"l"), s.count(b"l", 0, 5), s.count(b""), s.count(111), s.index(b"world"), s.rindex(b"o"), s.find(b"o", -5, -1))
    for bad in [lambda: s.index(b"zz"), lambda: s.rindex(b"zz"), lambda: s.find(256), lambda: s.find("str")]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
