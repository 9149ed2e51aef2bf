# resource (CPython 3.11's on Linux): usage as a struct_rusage, limits as (soft, hard) pairs with
# RLIM_INFINITY as -1, the constants in CPython's order, and its errors. Values that depend on the
# machine are printed as types or comparisons. refheap had no resource module.
import resource

print([(k, v) for k, v in vars(resource).items() if not k.startswith('__') and not callable(v)])
print([k for k, v in vars(resource).items() if callable(v)])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft), type(hard), soft <= hard or hard == -1, resource.getpagesize())
print(resource.struct_rusage.n_fields, resource.struct_rusage.n_sequence_fields, resource.struct_rusage.__module__)
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, type(r.ru_utime), type(r.ru_maxrss), r.ru_maxrss > 0, len(r), r.ru_utime >= 0, r[2] == r.ru_maxrss)
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(type(c).__name__, c.ru_nswap, type(resource.getrusage(resource.RUSAGE_THREAD).ru_stime))
for f in (lambda: resource.getrusage(5), lambda: resource.getrlimit(99), lambda: resource.getrlimit(-1),
          lambda: resource.setrlimit(7, (1,)), lambda: resource.setrlimit(7, 5), lambda: resource.getrlimit('x'),
          lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (2 ** 62, 2 ** 62)),
          lambda: resource.prlimit(0, 7) == resource.getrlimit(7), lambda: resource.getrusage(),
          lambda: resource.getrlimit(2 ** 40), lambda: resource.getrusage(2 ** 40), lambda: resource.getpagesize(1),
          lambda: resource.setrlimit(resource.RLIMIT_CORE, resource.getrlimit(resource.RLIMIT_CORE)),
          lambda: resource.prlimit(0, 7, resource.getrlimit(7)) == resource.getrlimit(7),
          lambda: resource.setrlimit(4, [0, 0]), lambda: resource.getrlimit(4), lambda: resource.error is OSError,
          lambda: resource.getrlimit(resource.RLIMIT_CORE, 1), lambda: resource.getrusage(who=0)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(repr(resource.struct_rusage((1.0, 2.0) + (3,) * 14)))
