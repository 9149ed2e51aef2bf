# Without `as`, the exception and its traceback are released when the handler ends.
class Tracked:
    def __del__(self):
        print('local freed')
def fail():
    t = Tracked()
    raise ValueError('x')
try:
    fail()
except ValueError:
    print('in handler')
print('after handler')
