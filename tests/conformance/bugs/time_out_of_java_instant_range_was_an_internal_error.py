# time.gmtime/localtime/ctime of timestamps beyond java.time's Instant: an internal error
# (DateTimeException) where CPython raises OverflowError (outside time_t) or OSError EOVERFLOW
# (glibc: a year whose tm_year does not fit a C int); NaN is ValueError
import time
for f in (time.gmtime, time.localtime, time.ctime):
    for v in (1e20, -1e20, 2**63, -2**63, 2**63 - 1, 10**30, float('nan'), float('inf'), float('-inf'),
              1e18, -1e18, 67768036191676800, 9.3e18, -9.3e18):
        try:
            r = f(v)
            print(f.__name__, v, r if f is time.ctime else tuple(r)[:6])
        except Exception as e:
            print(f.__name__, v, type(e).__name__, e, getattr(e, 'errno', None))
print(time.gmtime(253402300800)[:6], time.gmtime(-62135596800)[:6], time.gmtime(31556889864403199 // 2)[:6])
