# _datetime (refheap native module): CPython 3.11's layouts (basicsize, getsizeof, flags), no GC
# tracking with or without a tzinfo, the cached hash, refcounts, the type dicts' order, the module's
# names, the capsule and IsoCalendarDate, the class attributes
import _datetime as D, datetime, sys, gc, re
print(datetime.datetime is D.datetime, datetime.timezone is D.timezone, D.MINYEAR, D.MAXYEAR, D.UTC is D.timezone.utc)
print(list(vars(D)))
print(re.sub('0x[0-9a-f]+', 'ADDR', repr(D.datetime_CAPI)), type(D.datetime_CAPI).__name__, sys.getsizeof(D.datetime_CAPI), type(D.datetime_CAPI).__basicsize__, hex(type(D.datetime_CAPI).__flags__ & ~(1 << 19)))
types = (D.timedelta, D.date, D.time, D.datetime, D.tzinfo, D.timezone)
print([t.__basicsize__ for t in types], [t.__itemsize__ for t in types], [hex(t.__flags__ & ~(1 << 19)) for t in types], [t.__module__ for t in types])
utc = D.timezone.utc
objs = [D.timedelta(1, 2, 3), D.date(2020, 1, 1), D.time(1), D.time(1, tzinfo=utc), D.datetime(2020, 1, 1), D.datetime(2020, 1, 1, tzinfo=utc), D.tzinfo(), utc, D.timezone(D.timedelta(hours=1), 'X')]
print([sys.getsizeof(o) for o in objs], [gc.is_tracked(o) for o in objs], [o.__sizeof__() for o in objs])
print([len(gc.get_referents(o)) for o in objs])
for t in types:
    print(t.__name__, list(vars(t)))
print(D.datetime.__mro__, D.timezone.__mro__, D.timezone.__base__, D.datetime.__base__)
print(D.timedelta.min, D.timedelta.max, D.timedelta.resolution, D.date.min, D.date.max, D.date.resolution)
print(D.time.min, D.time.max, D.time.resolution, D.datetime.min, D.datetime.max, D.datetime.resolution)
print(repr(D.timezone.utc), repr(D.timezone.min), repr(D.timezone.max), D.timezone.min, D.timezone.max)
ic = D.date(2020, 12, 31).isocalendar()
print(ic, type(ic).__name__, type(ic).__mro__, sys.getsizeof(ic), ic.year, ic.week, ic.weekday, ic == (2020, 53, 4), ic[1], len(ic), tuple(ic), ic.__reduce__(), type(ic).__basicsize__, hex(type(ic).__flags__ & ~(1 << 19)))
print(type(ic)(2020, 1, 2), type(ic)(year=2020, week=1, weekday=2))
# refcounts: the tzinfo is held once per time/datetime, released with it
tz = D.timezone(D.timedelta(hours=-3))
r0 = sys.getrefcount(tz)
xs = [D.datetime(2020, 1, 1, tzinfo=tz), D.time(tzinfo=tz), D.datetime(2020, 1, 1, tzinfo=tz) + D.timedelta(1)]
print(sys.getrefcount(tz) - r0)
del xs
print(sys.getrefcount(tz) - r0)
off = tz.utcoffset(None); print(sys.getrefcount(off) - 1 > 0, off is tz.utcoffset(None))
d = D.date(2021, 5, 6); h = hash(d); print(h == hash(D.date(2021, 5, 6)), hash(d) == h, hash(D.timedelta(1, 2, 3)) == hash((1, 2, 3)))
print(D.date.year, D.timedelta.days, type(D.date.__dict__['year']).__name__, type(D.timedelta.__dict__['days']).__name__, type(D.date.__dict__['today']).__name__, type(D.date.__dict__['ctime']).__name__, type(D.date.__dict__['__add__']).__name__)
for bad in ['D.date(2020,1,1).year = 5', 'del D.timedelta(1).days', 'D.date(2020,1,1).x = 1']:
    try: exec(bad); print(bad, 'ok')
    except Exception as e: print(bad, type(e).__name__, e)
