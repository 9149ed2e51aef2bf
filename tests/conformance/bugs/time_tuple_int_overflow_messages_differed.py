# time's tuple arguments (gettmarg): a field beyond a C long, beyond a C int, and a year whose
# tm_year (year - 1900) falls below a C int, each with CPython's OverflowError message; the largest
# and smallest years asctime formats; strftime with an embedded null character (ValueError)
import time
for y in (2**31, 2**31 - 1, -2**31 + 1900 - 1, -2**31 + 1900, -2**31 - 1, -2**31, 2**63, -2**63 - 1):
    try:
        print(y, time.asctime((y, 6, 1, 0, 0, 0, 0, 0, 0)))
    except Exception as e:
        print(y, type(e).__name__, e)
for t in ((2000, 2**31, 1, 0, 0, 0, 0, 0, 0), (2000, 1, 1, 0, 0, 0, 0, 0, 2**40), (2000, 1, 1, 0, 0, 0, 0, 0, -2**40)):
    for f in (time.asctime, lambda t: time.strftime('%Y', t), time.mktime):
        try:
            print(f(t))
        except Exception as e:
            print(type(e).__name__, e)
for fmt in ('%S\0', '\0'):
    try:
        time.strftime(fmt, time.gmtime(0))
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.strftime('%S\0', (2000, 13, 1, 0, 0, 0, 0, 0, 0))
except Exception as e:
    print(type(e).__name__, e)
