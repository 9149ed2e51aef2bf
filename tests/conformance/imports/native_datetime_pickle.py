# _datetime (refheap native module): pickles interchangeable with CPython's (the compact bytes state,
# fold in the state's high bit from protocol 4, tzinfo's __reduce__ with __getinitargs__ and the
# instance dict), __reduce__/__reduce_ex__ values, constructing from the state, copy and deepcopy
import datetime as D, pickle, copy
utc = D.timezone.utc
objs = [D.timedelta(1, 2, 3), D.timedelta(-5), D.date(2020, 1, 1), D.date(1, 12, 31), D.time(1, 2, 3, 4, fold=1), D.time(23, 59, tzinfo=utc),
        D.datetime(2020, 1, 2, 3, 4, 5, 6, fold=1), D.datetime(9999, 12, 31, tzinfo=D.timezone(D.timedelta(hours=-2), 'W')), utc,
        D.timezone(D.timedelta(hours=2), 'Z'), D.timezone.min, D.date(2020, 1, 1).isocalendar()]
for o in objs:
    for p in range(6):
        b = pickle.dumps(o, p)
        r = pickle.loads(b)
        print(p, b, r == o, type(r) is type(o), repr(r))
print(utc.__reduce__(), D.tzinfo().__reduce__(), D.date(2020, 1, 1).__reduce__(), D.datetime(2020, 1, 1, fold=1).__reduce_ex__(4),
      D.datetime(2020, 1, 1, fold=1).__reduce_ex__(3), D.time(5, fold=1, tzinfo=utc).__reduce_ex__(4), D.timedelta(3).__reduce__(), utc.__getinitargs__(), D.timezone(D.timedelta(1, -1), 'n').__getinitargs__())
print(D.date(b'\x07\xe4\x02\x1d'), D.datetime(b'\x07\xe4\x82\x1d\x01\x02\x03\x00\x00\x04', utc), D.time(b'\x81\x02\x03\x00\x00\x04'), D.date('\x07\xe4\x02\x1d'))
for bad in ["D.date(b'\\x07\\xe4\\x0d\\x01')", "D.datetime(b'\\x07\\xe4\\x02\\x1d\\x01\\x02\\x03\\x00\\x00\\x04', 1)", "D.time(b'\\x81\\x02\\x03\\x00\\x00\\x04', 1)", "D.date('\\u0100\\x01\\x02\\x03')", "D.date(b'\\x07\\xe4\\x02')"]:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
class TZ(D.tzinfo):
    def __init__(self, off=0): self.off = off
    def utcoffset(self, dt): return D.timedelta(hours=self.off)
    def dst(self, dt): return D.timedelta(0)
    def __getinitargs__(self): return (self.off,)
z = TZ(4); z.extra = 'e'
print(z.__reduce__()[0] is TZ, z.__reduce__()[1:], pickle.loads(pickle.dumps(z)).__dict__)
d = D.datetime(2020, 1, 1, tzinfo=z)
for c in (copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d, 2))):
    print(c == d, c.tzinfo is z, c.tzinfo.off, c.utcoffset())
