# ExceptionGroup refcounts: the group holds its message, the exceptions tuple and the original sequence in args.
import sys
v = ValueError("v")
msg = "a message not interned " + str(len("xyz"))
base_v, base_m = sys.getrefcount(v), sys.getrefcount(msg)
excs = [v]
eg = ExceptionGroup(msg, excs)
print(sys.getrefcount(v) - base_v, sys.getrefcount(msg) - base_m, sys.getrefcount(excs))
print(eg.args[1] is excs, eg.exceptions is eg.exceptions, type(eg.exceptions).__name__)
del eg
print(sys.getrefcount(v) - base_v, sys.getrefcount(msg) - base_m, sys.getrefcount(excs))
