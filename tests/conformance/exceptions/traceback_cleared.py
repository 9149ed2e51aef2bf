# Dropping __traceback__ releases the frames (and their locals) while the exception object survives.
class Tracked:
    def __del__(self):
        print('local freed')
def fail():
    t = Tracked()
    raise RuntimeError('x')
try:
    fail()
except RuntimeError as e:
    saved = e
print(saved.__traceback__ is not None)
saved.__traceback__ = None
print('traceback cleared', saved)
saved = saved.with_traceback(None)
print(type(saved).__name__)
