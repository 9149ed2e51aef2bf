# raise C / gen.throw(C) where calling C returns something that is not an exception: 3.11 raises (throws
# in) a TypeError "calling C should have returned an instance of BaseException"; refheap raised the class.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
def boring_generator():
    yield
gen = boring_generator()
try:
    gen.throw(E)
except TypeError as e:
    print('TypeError', e, type(e.__traceback__).__name__)
try:
    next(gen)
except StopIteration:
    print('StopIteration')
def generator():
    try:
        yield
    except TypeError as e:
        print('inside', e)
        yield 'x'
gen = generator()
next(gen)
print(gen.throw(E))
try:
    raise E
except TypeError as e:
    print('raise', e)
