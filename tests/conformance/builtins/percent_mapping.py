# printf-style formatting with a mapping: %(key)s, flags and width after the key, parentheses in keys
print("%(a)s and %(b)r, %(a)5s|%(n)05d|%(f).2f|%(n)x" % {"a": "x", "b": "y", "n": 42, "f": 3.14159})
print("%s" % {"k": 1}, "plain" % {}, "%(x)s %%" % {"x": 1}, "%(a(b))s" % {"a(b)": 2}, "%(a)s%(a)s" % {"a": "twice"})
class M:
    def __getitem__(self, k):
        return k.upper()
print("%(hello)s %(w)s" % M())
for bad in [lambda: "%(a)s" % (1,), lambda: "%(a)s" % {}, lambda: "%(a" % {"a": 1}, lambda: "%s %s" % {"a": 1}, lambda: "%(a)s" % 5]:
    try:
        print(bad())
    except (TypeError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
