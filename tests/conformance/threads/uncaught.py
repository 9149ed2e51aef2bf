# Uncaught exceptions in threads: threading.excepthook gets them (here a hook of the program's:
# the default one's traceback would show the standard library's own lines), SystemExit silent;
# _thread's own report for a raw thread ("Exception ignored in thread started by").
import _thread
import sys
import threading


def boom():
    raise ValueError('from a thread')


def hook(args):
    print('hook:', args.exc_type.__name__, args.exc_value, args.thread.name, args.exc_traceback.tb_next.tb_frame.f_code.co_name)


threading.excepthook = hook
t = threading.Thread(target=boom, name='T1')
t.start()
t.join()
threading.excepthook = threading.__excepthook__
print('after T1')
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print('SystemExit is silent')


def raw():
    try:
        raise KeyError('raw')
    finally:
        done.release()


done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(raw, ())
done.acquire()
while _thread._count():
    pass
sys.stderr.flush()
print('end')
