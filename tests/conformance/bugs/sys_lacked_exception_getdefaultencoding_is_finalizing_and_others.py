# sys lacked ten of CPython 3.11's functions (exception, getdefaultencoding, is_finalizing,
# call_tracing, _current_exceptions, _clear_type_cache, get/setdlopenflags, _getquickenedcount)
# and its api_version, _git, _framework, pycache_prefix, _stdlib_dir and stdlib_module_names:
# an AttributeError where python3 answers.
import sys
import threading

print(sys.getdefaultencoding(), sys.is_finalizing(), sys.exception(), sys.getdlopenflags())
try:
    1 / 0
except ZeroDivisionError:
    print(repr(sys.exception()))
    ce = sys._current_exceptions()
    print(list(ce.values())[0][0], len(ce))
    try:
        raise KeyError('inner')
    except KeyError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())
print(list(sys._current_exceptions().values()))


def gen():
    try:
        raise ValueError('in a generator')
    except ValueError:
        yield repr(sys.exception())
    yield repr(sys.exception())


print(list(gen()))

for call in (lambda: sys.getdefaultencoding(1), lambda: sys.exception(1), lambda: sys.is_finalizing(None),
             lambda: sys._current_exceptions(1), lambda: sys.call_tracing(len, [1]), lambda: sys.call_tracing(len),
             lambda: sys.call_tracing(len, (1,), x=1), lambda: sys.setdlopenflags('x'),
             lambda: sys.setdlopenflags(1 << 40), lambda: sys.setdlopenflags(), lambda: sys.getdlopenflags(2)):
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.call_tracing(max, (3, 7)), sys.call_tracing(dict, ()))
sys.setdlopenflags(258)
print(sys.getdlopenflags())
print(sys._clear_type_cache(), sys.api_version, sys._git, repr(sys._framework), sys.pycache_prefix)
print(type(sys.stdlib_module_names), len(sys.stdlib_module_names), sorted(sys.stdlib_module_names)[:5],
      'gc' in sys.stdlib_module_names, 'refheap' in sys.stdlib_module_names)
print(type(sys._getquickenedcount()), type(sys._stdlib_dir))


# 3.11 delivers no trace or profile event for what a trace function runs through call_tracing
def g():
    x = 1
    return x


def f():
    y = 2
    return y


def tracer(frame, event, arg):
    print('event', event, frame.f_code.co_name, frame.f_lineno)
    if event == 'line' and frame.f_code.co_name == 'f':
        print('inner', sys.call_tracing(g, ()))
    return tracer


sys.settrace(tracer)
f()
sys.settrace(None)


def prof(frame, event, arg):
    print('profile', event, frame.f_code.co_name)
    if event == 'call' and frame.f_code.co_name == 'f':
        sys.call_tracing(g, ())


sys.setprofile(prof)
f()
sys.setprofile(None)

# another thread's handled exception
started = threading.Event()
release = threading.Event()


def worker():
    try:
        raise KeyError('k')
    except KeyError:
        started.set()
        release.wait()


t = threading.Thread(target=worker)
t.start()
started.wait()
print(sorted(repr(v[1]) for v in sys._current_exceptions().values()))
release.set()
t.join()

# (sys.is_finalizing() at exit: SysIsFinalizingTest, since these programs end without a shutdown)
