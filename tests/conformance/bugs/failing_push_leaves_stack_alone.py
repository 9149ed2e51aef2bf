# Bug: an instruction whose pushed value raised (LOAD_NAME of a missing name, a failed import) moved the stack pointer first, so the handler released a stale slot (None's count reached 0).
def f(*a, **k):
    pass
for t in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']:
    try:
        undefined_function(t)
        print(t, 'ok')
    except Exception as e:
        print(t, type(e).__name__, e)
for i in range(12):
    try:
        import no_such_module
    except ImportError as e:
        x = None
        message = type(e).__name__ + ': ' + str(e)
print(message)
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise KeyError('from __exit__')
for i in range(12):
    try:
        with Ctx():
            y = None
            1 / 0
    except KeyError as e:
        z = None
print('done')
