# After the image: both modules' clock and calendar functions, each calendar with its own struct_time.
import time
print(time is second, first.struct_time is second.struct_time, type(epoch) is first.struct_time, type(later) is second.struct_time)
print(epoch, later.tm_year, later.tm_zone, later.tm_gmtoff)
print(type(first.gmtime(0)) is first.struct_time, type(second.gmtime(0)) is second.struct_time, first.gmtime(0) == epoch)
print(first.strftime('%Y-%m-%d %H:%M:%S %Z', epoch), second.asctime(later), first.mktime(first.localtime(1000)) == 1000)
print(time.strptime('2024-02-29', '%Y-%m-%d')[:3], type(time.strptime('2024', '%Y')).__name__, time.ctime(0) == time.asctime(time.localtime(0)))
t0, n0, m0, p0 = time.time(), time.perf_counter_ns(), time.monotonic(), time.process_time()
time.sleep(0.001)
print(time.time() >= t0, time.perf_counter_ns() > n0, time.monotonic() > m0, time.process_time() >= p0, type(time.thread_time_ns()).__name__,
      type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.perf_counter()).__name__, type(time.process_time_ns()).__name__,
      type(time.thread_time()).__name__)
for f, args in ((time.sleep, ()), (time.sleep, (-1,)), (time.gmtime, ('x',)), (time.mktime, ((1, 2),)), (time.strftime, (1,))):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(time.gmtime.__qualname__, time.sleep.__name__, {time.gmtime, first.gmtime, time.time} >= {time.time})
