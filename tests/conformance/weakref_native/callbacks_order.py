# callbacks of refs and proxies run newest first when the referent dies; each gets its own weak object
import weakref
class X:
    pass
log = []
x = X()
keep = [weakref.ref(x, lambda w: log.append("ref1")), weakref.proxy(x, lambda w: log.append(("proxy", type(w).__name__))),
        weakref.ref(x, lambda w: log.append("ref2")), weakref.proxy(x)]
del x
print(log)
print([repr(k).split(" at ")[0] for k in keep[:1]], keep[0]())
