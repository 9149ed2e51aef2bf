# time.time() and time.time_ns() read CLOCK_REALTIME to the nanosecond (they had millisecond
# resolution); clock_gettime/_ns/getres, the CLOCK_* ids and get_clock_info are time's on Linux.
import time
samples = [time.time_ns() for _ in range(20)]
print(any(t % 1000000 for t in samples), all(isinstance(t, int) for t in samples))
print(abs(time.time() - time.time_ns() / 1e9) < 1, abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)), time.clock_gettime(time.CLOCK_MONOTONIC) > 0)
print(time.clock_getres(time.CLOCK_REALTIME), time.clock_getres(time.CLOCK_MONOTONIC), time.clock_getres(time.CLOCK_PROCESS_CPUTIME_ID))
print([(n, getattr(time, n)) for n in sorted(dir(time)) if n.startswith('CLOCK_')])
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    print(name, info, type(info).__name__, type(info).__module__, list(vars(info)))
for f, args in [(time.get_clock_info, ('x',)), (time.get_clock_info, (5,)), (time.get_clock_info, ()),
                (time.clock_gettime, (999,)), (time.clock_gettime_ns, (999,)), (time.clock_getres, (999,)),
                (time.clock_gettime, ('x',)), (time.clock_gettime, ()), (time.clock_gettime_ns, (1, 2)),
                (time.clock_gettime, (2 ** 31,)), (time.clock_getres, (-2 ** 31 - 1,))]:
    try:
        f(*args)
    except (ValueError, TypeError, OSError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
