# A write that blocks on a full pipe is interrupted by a signal whose Python handler runs (PEP 475):
# a handler that raises ends the write with its exception (FileIO, BufferedWriter, TextIOWrapper,
# os.write), one that returns lets the write go on to the end. refheap's JVM never hands the signal
# to the blocked thread as EINTR, so such a write used to block for ever.
import io, os, signal, threading

PIPE_MAX = 256 * 1024 + 1  # well over a pipe's 64 KiB

def raiser(signum, frame):
    1 / 0

def interrupted(label, make, item):
    r, w = os.pipe()
    got = []
    t = threading.Thread(target=lambda: got.append(os.read(r, 1)))
    t.daemon = True
    t.start()
    f = make(w)
    data = item * (PIPE_MAX // len(item) + 1)
    signal.signal(signal.SIGALRM, raiser)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        f.write(data)
        print(label, 'not interrupted')
    except ZeroDivisionError as e:
        print(label, 'raised', type(e).__name__)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        t.join(10)
    got.append(os.read(r, 1))
    print(label, got)
    os.close(w)
    os.close(r)
    try:
        f.close()
    except OSError as e:
        print(label, 'close', e.errno == 9)

interrupted('unbuffered', lambda w: io.open(w, 'wb', buffering=0, closefd=False), b'xy')
interrupted('buffered', lambda w: io.open(w, 'wb', closefd=False), b'xy')
interrupted('text', lambda w: io.open(w, 'w', encoding='ascii', closefd=False), 'xy')

class OsWriter:
    def __init__(self, w): self.w = w
    def write(self, b): return os.write(self.w, b)
    def close(self): pass

interrupted('os.write', OsWriter, b'xy')

# a handler that returns: the write goes on; a reader started by a second signal drains the pipe
def retry(label, mode, item):
    r, w = os.pipe()
    total = []
    done = False
    def reader():
        import select
        while not done:
            while r in select.select([r], [], [], 0.1)[0]:
                total.append(len(os.read(r, 65536)))
    t = threading.Thread(target=reader)
    t.daemon = True
    calls = []
    def first(signum, frame):
        calls.append('first')
        signal.signal(signal.SIGALRM, second)
        signal.setitimer(signal.ITIMER_REAL, 0.2)
    def second(signum, frame):
        calls.append('second')
        t.start()
    signal.signal(signal.SIGALRM, first)
    f = io.open(w, mode, closefd=False, **({} if 'b' in mode else {'encoding': 'latin1'}))
    data = item * (256 * 1024)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    n = f.write(data)
    f.flush()
    done = True
    t.join(10)
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(label, n, sum(total), calls)
    f.close()
    os.close(w)
    os.close(r)

retry('retry buffered', 'wb', b'x')
retry('retry text', 'w', 'x')
signal.signal(signal.SIGALRM, signal.SIG_DFL)
