# _datetime (refheap native module): tzinfo subclasses (utcoffset/dst/tzname results checked),
# timezone, astimezone and fromutc, fold (PEP 495) with a zone whose offset depends on it, naive vs
# aware, and the local zone (TZ set, time.tzset) for fromtimestamp/timestamp/astimezone()
import datetime as D, os, time, sys, gc
HOUR = D.timedelta(hours=1)
class EST(D.tzinfo):
    def utcoffset(self, dt): return D.timedelta(hours=-5)
    def dst(self, dt): return D.timedelta(0)
    def tzname(self, dt): return "EST"
    def __repr__(self): return "EST()"
e = EST()
dt = D.datetime(2020, 1, 1, 12, tzinfo=e)
print(dt, repr(dt), dt.utcoffset(), dt.tzname(), dt.dst(), dt.astimezone(D.timezone.utc), dt.timestamp(), dt.utctimetuple())
print(D.datetime(2020,1,1,17,tzinfo=D.timezone.utc).astimezone(e), D.datetime.fromtimestamp(0, e), D.datetime.fromtimestamp(1e9 + 0.5, D.timezone.utc))
print(dt.strftime('%z %Z'), D.time(1, tzinfo=e).isoformat(), D.time(1, tzinfo=e).utcoffset(), hash(D.time(1, tzinfo=e)) == hash(D.time(6, tzinfo=D.timezone.utc)))
print(sys.getsizeof(e), gc.is_tracked(e), e.__dict__, e.__reduce__())
class Bad(D.tzinfo):
    def utcoffset(self, dt): return 5
    def tzname(self, dt): return 5
    def dst(self, dt): return D.timedelta(days=1)
b = D.datetime(2020,1,1,tzinfo=Bad())
for f in (b.utcoffset, b.tzname, b.dst, b.isoformat, lambda: hash(b), lambda: b == D.datetime(2020,1,1,tzinfo=D.timezone.utc), b.timetuple, lambda: b.strftime('%Z'), lambda: b.astimezone(D.timezone.utc)):
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
class NoneTZ(D.tzinfo):
    def utcoffset(self, dt): return None
    def dst(self, dt): return None
    def tzname(self, dt): return None
n = D.datetime(2020, 1, 1, tzinfo=NoneTZ())
print(n.utcoffset(), n.tzname(), n.isoformat(), n == D.datetime(2020, 1, 1), n.strftime('[%z][%Z]'), n.timetuple().tm_isdst)
for f in (lambda: n < D.datetime(2020, 1, 1, tzinfo=D.timezone.utc), lambda: n - D.datetime(2020, 1, 1, tzinfo=D.timezone.utc), lambda: NoneTZ().fromutc(n), lambda: D.tzinfo().fromutc(1), lambda: e.fromutc(n), lambda: D.tzinfo().tzname(None), lambda: D.tzinfo().dst(None), lambda: D.timezone.utc.fromutc(n), lambda: D.timezone.utc.utcoffset(1), lambda: D.timezone.utc.dst(1)):
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
# a zone with DST (US Eastern, 2007 rules), its fold-dependent offsets
def first_sunday_on_or_after(dt): return dt + D.timedelta(days=(6 - dt.weekday()) % 7)
class Eastern(D.tzinfo):
    def utcoffset(self, dt): return D.timedelta(hours=-5) + self.dst(dt)
    def tzname(self, dt): return "EDT" if self.dst(dt) else "EST"
    def dst(self, dt):
        if dt is None or dt.tzinfo is None: return D.timedelta(0)
        start = first_sunday_on_or_after(D.datetime(dt.year, 3, 8, 2))
        end = first_sunday_on_or_after(D.datetime(dt.year, 11, 1, 2))
        n = dt.replace(tzinfo=None)
        if start + HOUR <= n < end - HOUR: return HOUR
        if end - HOUR <= n < end: return D.timedelta(0) if dt.fold else HOUR
        if start <= n < start + HOUR: return HOUR if dt.fold else D.timedelta(0)
        return D.timedelta(0)
    def fromutc(self, dt):
        start = first_sunday_on_or_after(D.datetime(dt.year, 3, 8, 2))
        end = first_sunday_on_or_after(D.datetime(dt.year, 11, 1, 2))
        std = D.timedelta(hours=-5)
        start -= std; end -= std + HOUR
        dt += std
        n = dt.replace(tzinfo=None)
        if start <= n < end: return dt + HOUR
        if end <= n < end + HOUR: return (dt + HOUR).replace(fold=1)
        return dt
et = Eastern()
for h in range(4, 8):
    u = D.datetime(2020, 11, 1, h, 30, tzinfo=D.timezone.utc)
    l = u.astimezone(et)
    print(u, l, l.fold, l.tzname(), l.utcoffset(), l.astimezone(D.timezone.utc) == u)
a0 = D.datetime(2020, 11, 1, 1, 30, tzinfo=et); a1 = a0.replace(fold=1)
print(a0 == a1, a0 < a1, a1 - a0, a0.utcoffset(), a1.utcoffset(), hash(a0) == hash(a0.replace(fold=0)), a0 == a0.astimezone(D.timezone.utc), a1 == a1.astimezone(D.timezone.utc))
print(D.datetime(2020, 11, 1, 1, 30, tzinfo=et) == D.datetime(2020, 11, 1, 1, 30, tzinfo=Eastern()), D.datetime(2020, 11, 1, 5, 30, tzinfo=D.timezone.utc) == a0, a1.timestamp() - a0.timestamp())
