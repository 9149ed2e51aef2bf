# __exit__ receives the exception; returning True swallows it, otherwise it propagates.
class CM:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, typ, val, tb):
        print('exit', typ.__name__ if typ else None, val)
        return self.swallow
with CM(False) as c:
    print('body', c.swallow)
with CM(True):
    raise KeyError('swallowed')
print('after swallow')
try:
    with CM(False):
        raise KeyError('propagated')
except KeyError as e:
    print('caught', e)
