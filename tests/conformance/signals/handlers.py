# signal.signal sets a real disposition: a Python handler runs on the main thread as
# handler(signum, frame), for a signal the process sends itself before the call returns.
import signal, os, sys, _thread, threading

got = []
def h(signum, frame):
    got.append((signum, frame.f_code.co_name, frame.f_lineno))

before = sys.getrefcount(h)
old = signal.signal(signal.SIGUSR1, h)
print('old handler', old, 'kept by the table', sys.getrefcount(h) - before)
print(signal.getsignal(signal.SIGUSR1) is h)

os.kill(os.getpid(), signal.SIGUSR1)
print('after os.kill', got)
signal.raise_signal(signal.SIGUSR1)
print('after raise_signal', got[-1])

def inner():
    signal.raise_signal(signal.SIGUSR1)
    return 'done'
print(inner(), got[-1])

# a handler that raises: the exception comes out of the call that delivered the signal
class Boom(Exception):
    pass
def boom(signum, frame):
    raise Boom(signum)
signal.signal(signal.SIGUSR2, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
except Boom as e:
    print('caught', e.args, e.__traceback__.tb_lineno, e.__traceback__.tb_next.tb_frame.f_code.co_name)

# _thread.interrupt_main simulates any signal with a Python handler
_thread.interrupt_main(signal.SIGUSR1)
print('interrupt_main', got[-1][0])
done = threading.Event()
def from_thread():
    _thread.interrupt_main(signal.SIGUSR1)
    done.set()
n = len(got)
t = threading.Thread(target=from_thread)
t.start()
t.join()
while len(got) == n:
    pass  # the main thread runs the handler at its next check
print('from a thread', got[-1][0])

# SIG_IGN: nothing arrives; SIG_DFL comes back as the old value
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
n = len(got)
_thread.interrupt_main(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print('ignored', len(got) - n)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL), signal.getsignal(signal.SIGUSR1))
print('table released the handler', sys.getrefcount(h) - before)

# SIGINT: the default handler raises KeyboardInterrupt, a program's handler replaces it
signal.signal(signal.SIGINT, h)
os.kill(os.getpid(), signal.SIGINT)
print('SIGINT handled', got[-1][0])
print(signal.signal(signal.SIGINT, signal.default_int_handler) is h)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')

# errors, in CPython's order of checks
for args in [(signal.SIGKILL, h), (signal.SIGSTOP, h), (0, h), (signal.NSIG, h), (2, 'x'), (2, 5), (2, 1.0)]:
    try:
        signal.signal(*args)
    except Exception as e:
        print(type(e).__name__, e)
for bad in (0, -1, 65):
    try:
        signal.raise_signal(bad)
        print('raise_signal', bad, 'ok')
    except OSError as e:
        print('raise_signal', bad, type(e).__name__, e)
def in_thread():
    try:
        signal.signal(signal.SIGUSR1, h)
    except ValueError as e:
        print('thread:', e)
t = threading.Thread(target=in_thread)
t.start()
t.join()

print([signal.strsignal(s) for s in (1, 2, 9, 15, 32, 34)])
try:
    signal.strsignal(0)
except ValueError as e:
    print(e)
print(signal.ItimerError, signal.ItimerError.__mro__[1])
