# SIGALRM from setitimer and alarm: the handler runs during a sleep (which then goes on, PEP 475),
# its exception ends the sleep; pause() returns after a handler ran; a lock's wait is interrupted.
import signal, time, threading

got = []
def h(signum, frame):
    got.append(signum)

signal.signal(signal.SIGALRM, h)
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
start = time.monotonic()
time.sleep(0.3)
print('sleep went on after the handler', time.monotonic() - start >= 0.3)
while not got:
    time.sleep(0.01)
print('handled', got)

delay, interval = signal.setitimer(signal.ITIMER_REAL, 5, 1)
print(delay, interval)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(4 < delay <= 5, interval)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1])
print(signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(signal.ITIMER_REAL, -1)
except signal.ItimerError as e:
    print(type(e).__name__, e.errno, e)

class Timeout(Exception):
    pass
def timeout(signum, frame):
    raise Timeout(signum)
signal.signal(signal.SIGALRM, timeout)
print(signal.alarm(1))
try:
    time.sleep(5)
except Timeout as e:
    print('sleep interrupted', e.args)
print(signal.alarm(0))

signal.signal(signal.SIGALRM, h)
got.clear()
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(signal.pause(), got)

lock = threading.Lock()
lock.acquire()
signal.signal(signal.SIGALRM, timeout)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    lock.acquire()
except Timeout:
    print('acquire interrupted', lock.locked())
got.clear()
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print('acquire with timeout', lock.acquire(timeout=0.3), got)
