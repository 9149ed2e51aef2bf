# _io.IncrementalNewlineDecoder has no instance dict: a missing attribute, __dict__ and an
# assignment are AttributeErrors (refheap read the refcount word as a dict pointer and crashed)
import _io

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(d.decode("a\r\nb\r"), d.newlines, hasattr(d, "foo"), getattr(d, "bar", "default"))
for f in (lambda: d.__dict__, lambda: setattr(d, "foo", 1), lambda: d.missing, lambda: delattr(d, "foo")):
    try:
        print(f())
    except AttributeError as e:
        print("AttributeError", e)
print(d.decode("", final=True), d.newlines)

