# threading.settrace/setprofile: a thread started after them runs with the function set (threading's
# bootstrap sets it in the new thread); sys.settrace is per thread (the main thread's stays None)
import sys, threading

events = []
def tr(frame, ev, arg):
    if frame.f_code.co_name == 'work':
        events.append(('trace', ev, frame.f_lineno))
    return tr

def pr(frame, ev, arg):
    if frame.f_code.co_name == 'work' and ev in ('call', 'return'):
        events.append(('profile', ev, arg))

def work(n):
    s = 0
    for i in range(n):
        s += i
    return s

threading.settrace(tr)
threading.setprofile(pr)
t = threading.Thread(target=work, args=(2,))
t.start()
t.join()
threading.settrace(None)
threading.setprofile(None)
for e in events:
    print(e)
print(sys.gettrace(), sys.getprofile())
