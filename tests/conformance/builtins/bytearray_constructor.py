# bytearray() from nothing, a count, bytes, iterables and a str with an encoding; CPython's errors
print(bytearray(), bytearray(3), bytearray(b"ab"), bytearray([65, 66]), bytearray((1, 2)), bytearray(range(3)))
print(bytearray("héllo", "utf-8"), bytearray("abc", encoding="ascii"), bytearray(bytearray(b"copy")), bytearray(memoryview(b"mv")))
print(bytearray(x for x in b"gen"), bytearray(iter([7, 8])), bytearray(source=b"kw"))
for bad in [lambda: bytearray("x"), lambda: bytearray(-1), lambda: bytearray([256]), lambda: bytearray(1.5),
            lambda: bytearray(b"x", "utf-8"), lambda: bytearray("é", "ascii"), lambda: bytearray(["a"])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
