# time.sleep converts its argument as 3.11 (OverflowError at once for huge or infinite values, TypeError, ValueError for NaN and negatives); process_time and thread_time (and _ns) are CPU clocks that do not advance across sleep
import time
for v in [2**64, 2**63, 2**62, 10**10, -2**63, -2**70, 1e300, float('inf'), float('-inf'), 9.3e9, 9223372036.854775807, 'x', None, [1], float('nan'), -1, -0.5, 1e-20, True, 0, 0.0]:
    try:
        time.sleep(v); print(repr(v), 'ok')
    except Exception as e: print(repr(v), type(e).__name__, e)
t0 = time.process_time(); c0 = time.thread_time(); n0 = time.process_time_ns(); m0 = time.thread_time_ns()
time.sleep(0.5)
print(time.process_time() - t0 < 0.45, time.thread_time() - c0 < 0.1, (time.process_time_ns() - n0) < 45 * 10**7, time.thread_time_ns() - m0 < 10**8)
x = 0
t0 = time.thread_time_ns()
for i in range(300000): x += i
print(time.thread_time_ns() > t0, type(time.process_time()).__name__, type(time.thread_time_ns()).__name__)
