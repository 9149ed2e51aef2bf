# A bound method's attribute that the method type does not have is the function's, dunders too
# (unittest's skip decorators mark the function with __unittest_skip__; method_getattro forwards).
import functools

def skip(reason):
    def decorator(test_item):
        @functools.wraps(test_item)
        def skip_wrapper(*args, **kwargs):
            raise RuntimeError(reason)
        skip_wrapper.__unittest_skip__ = True
        return skip_wrapper
    return decorator

class T:
    @skip('x')
    def test_a(self):
        pass

m = T().test_a
print(getattr(m, '__unittest_skip__', False), m.__wrapped__.__name__, m.__name__)
print(hasattr(m, '__not_there__'), type(m.__doc__).__name__, m.__self__.__class__.__name__)
