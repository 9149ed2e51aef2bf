# _datetime (refheap native module): local time in a zone with DST (TZ=America/New_York, set for a
# child interpreter): fromtimestamp's fold, timestamp() of naive datetimes in a gap and a fold,
# astimezone() with the local zone (its name and offset), ROUND_HALF_EVEN timestamps, range errors
import os, sys, subprocess
if os.environ.get('TZ') != 'America/New_York':
    r = subprocess.run([sys.executable, __file__], env=dict(os.environ, TZ='America/New_York'), capture_output=True, text=True)
    print(r.stdout, end='')
    print(r.stderr, end='')
else:
    import datetime as D
    for ts in (0, 1e9, 1604209800, 1604213400, 1583650800.5, -1.5e-6, 2.5e-6, 1e9 + 0.5000005):
        l = D.datetime.fromtimestamp(ts)
        print(ts, l, l.fold, l.timestamp(), D.datetime.utcfromtimestamp(ts), D.date.fromtimestamp(ts))
    for naive in (D.datetime(2020, 11, 1, 1, 30), D.datetime(2020, 11, 1, 1, 30, fold=1), D.datetime(2020, 3, 8, 2, 30), D.datetime(2020, 3, 8, 2, 30, fold=1), D.datetime(2020, 6, 1)):
        print(naive, naive.timestamp(), naive.astimezone(), naive.astimezone(D.timezone.utc), repr(naive.astimezone().tzinfo))
    print(D.datetime(2020, 7, 1, 12, tzinfo=D.timezone.utc).astimezone(), D.datetime(2020, 1, 1, 12, tzinfo=D.timezone.utc).astimezone().tzname())
    for bad in ['D.datetime.fromtimestamp(1e20)', 'D.datetime.fromtimestamp(float("nan"))', 'D.datetime.fromtimestamp("1")', 'D.datetime.fromtimestamp(0, 1)', 'D.date.fromtimestamp(None)', 'D.datetime(2020,1,1).astimezone(1)', 'D.datetime.now(1)', 'D.datetime.utcfromtimestamp(-1e12)']:
        try: print(bad, eval(bad))
        except Exception as ex: print(bad, type(ex).__name__, ex)
    now = D.datetime.now(); print(type(now), now.tzinfo, D.datetime.now(D.timezone.utc).tzinfo, type(D.date.today()), D.datetime.utcnow().tzinfo)
