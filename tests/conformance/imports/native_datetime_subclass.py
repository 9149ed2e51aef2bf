# _datetime (refheap native module): Python subclasses of timedelta, date, time, datetime and tzinfo
# (their instances get __dict__ and __weakref__), which results keep the subclass (arithmetic,
# replace, the class methods), their own dunders before the base's slots, inherited hash and
# comparison, pickling and copying them; timezone is final
import datetime as D, sys, gc, pickle, copy, weakref, re
class SD(D.datetime):
    def __new__(cls, *a, **k):
        self = super().__new__(cls, *a, **k); self.extra = 1; return self
s = SD(2020, 1, 1, 5)
print(repr(s), s.extra, type(s + D.timedelta(1)), type(s - D.timedelta(1)), type(s.replace(year=2021)), s.replace(year=2021).__dict__, type(SD.now()), type(SD.fromtimestamp(0)), type(SD.combine(D.date(2020,1,1), D.time())), type(SD.fromisoformat('2020-01-01')), type(SD.strptime('2020', '%Y')), type(SD.utcfromtimestamp(5)), type(SD.fromordinal(5)))
print(sys.getsizeof(s), gc.is_tracked(s), s.__dict__, SD.__basicsize__, SD.__weakrefoffset__, SD.__dictoffset__, s == D.datetime(2020,1,1,5), hash(s) == hash(D.datetime(2020,1,1,5)), weakref.ref(s)() is s)
print(pickle.loads(pickle.dumps(s)).__dict__, type(pickle.loads(pickle.dumps(s))), type(copy.copy(s)), copy.deepcopy(s).extra, s.__reduce_ex__(2)[0] is SD)
print(type(s.astimezone(D.timezone.utc)), type(D.datetime(2020,1,1,tzinfo=D.timezone.utc).astimezone(D.timezone(D.timedelta(hours=1)))), type(s.date()), type(s.time()))
class TD(D.timedelta):
    def __add__(self, o): return "added"
t = TD(1)
print(t + D.timedelta(1), D.timedelta(1) + t, repr(t), t * 2, type(t * 2), -t, type(abs(t)), str(t), t == D.timedelta(1), hash(t) == hash(D.timedelta(1)), t.__dict__)
class RT(D.timedelta):
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
print(D.timedelta(1) + RT(1), D.date(2020, 1, 1) + RT(1), D.datetime(2020, 1, 1) - RT(1), RT(1) + D.date(2020, 1, 1))
class DT(D.date):
    def __eq__(self, o): return "eq"
    __hash__ = D.date.__hash__
print(DT(2020,1,1) == D.date(2020,1,1), D.date(2020,1,1) == DT(2020,1,1), DT(2020,1,1) < D.date(2021,1,1), hash(DT(2020,1,1)) == hash(D.date(2020,1,1)), type(DT(2020,1,1) + D.timedelta(1)), type(DT.today()), type(DT.fromisocalendar(2020, 1, 1)), type(DT(2020, 1, 1).replace(day=2)))
class NoHash(D.date):
    def __eq__(self, o): return True
try: hash(NoHash(2020, 1, 1))
except TypeError as e: print(e)
class T(D.time):
    def isoformat(self, timespec='auto'): return 'T-iso'
print(repr(T(1, 2)), T(1,2) == D.time(1,2), type(T(1).replace(hour=3)), sys.getsizeof(T(1)) - sys.getsizeof(D.time(1)), str(T(1)), format(T(1), ''))
class SDate(D.date):
    def isoformat(self): return 'iso!'
print(str(SDate(2020, 1, 1)), repr(SDate(2020, 1, 1)), SDate(2020, 1, 1).strftime('%Y'), format(SDate(2020, 1, 1), '%m'))
class TZ2(D.tzinfo):
    def __init__(self, off): self.off = off
    def utcoffset(self, dt): return D.timedelta(hours=self.off)
    def dst(self, dt): return None
    def __getinitargs__(self): return (self.off,)
z = TZ2(3)
print(z.__reduce__()[1:], pickle.loads(pickle.dumps(z)).off, sys.getsizeof(z) - sys.getsizeof(D.tzinfo()), gc.is_tracked(z))
for f in (lambda: D.datetime(2020,1,1,tzinfo=z).astimezone(D.timezone.utc), lambda: z.fromutc(D.datetime(2020,1,1,tzinfo=z)), lambda: D.timezone.utc.fromutc(D.datetime(2020,1,1,tzinfo=z))):
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
class NoArg(D.tzinfo): pass
try: NoArg().utcoffset(None)
except Exception as ex: print(type(ex).__name__, ex)
print(re.sub('0x[0-9a-f]+', 'ADDR', repr(NoArg())), re.sub('0x[0-9a-f]+', 'ADDR', repr(D.tzinfo())), type(NoArg()).__mro__, D.tzinfo(1, x=2).__class__)
try:
    class X(D.timezone): pass
except Exception as ex: print(type(ex).__name__, ex)
class Multi(D.date, D.tzinfo if False else object): pass
print(Multi(2020, 2, 3), isinstance(Multi(2020, 2, 3), D.date))
