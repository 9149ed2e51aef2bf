# A generator cannot be resumed while it is running.
def gen():
    yield next(me)
me = gen()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
