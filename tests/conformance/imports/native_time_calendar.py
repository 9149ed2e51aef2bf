# time's calendar functions: struct_time, gmtime, strftime with glibc's conversions and flags,
# asctime, strptime (Lib's _strptime), float.__getformat__ (test.support reads both at import)
import time

t = (2026, 3, 5, 7, 8, 9, 3, 64, 0)
print(time.strftime("%a %A %b %B|%c|%d %e|%H %I %j %m %M %p %S|%U %w %W|%x %X|%y %Y|%%|%F %T %D", t))
print(time.strftime("%G %g %V %u %C %h|%R %r|%-d|%_m|%4Y|%10Y|%Q|%k %l|%^a %#p", t))
print(time.gmtime(0))
g = time.gmtime(1700000000.9)
print(g, g.tm_zone, g.tm_gmtoff, len(g), type(g).__name__, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.gmtime(-1.5)[:6], time.asctime(t), time.asctime(time.gmtime(0)))
for a in [(2026, 13, 5, 7, 8, 9, 3, 64, 0), (2026, 1, 32, 0, 0, 0, 0, 1, 0), (1, 2), "x", [2026] * 9]:
    try:
        print(time.strftime("%Y", a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(time.strftime("")), time.strftime("%Y-%m-%d", (2026, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strptime("2026-03-05 12:34", "%Y-%m-%d %H:%M"))
for y in (1767225600, 1735603200, 1704067200):
    print(time.strftime("%Y %j %U %W %V %G %u %w", time.gmtime(y)))
print(float.__getformat__("double"), float.__getformat__("float"))
for a in ("x", 1):
    try:
        float.__getformat__(a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(time._STRUCT_TM_ITEMS, type(time.monotonic_ns()).__name__)
