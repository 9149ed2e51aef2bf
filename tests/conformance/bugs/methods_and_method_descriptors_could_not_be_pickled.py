# bound methods, method descriptors, slot wrappers and method-wrappers reduce to
# getattr(owner, name) (method_reduce, descr_reduce, wrapper_reduce), so pickle and copy take them
import copy
import pickle


class A:
    def f(self):
        return 'f'

    @classmethod
    def c(cls):
        return 'c'


a = A()
for m in [str.index, [].__len__, list.__len__, set.__contains__, a.f, A.c, dict.fromkeys, int.__add__, (1).__add__,
          tuple.count]:
    r = m.__reduce__()
    print(r[0].__name__, r[1][1], type(r[1][0]).__name__)
    for p in range(6):
        back = pickle.loads(pickle.dumps(m, p))
        print('  ', p, type(back).__name__, back == m or back.__name__ == m.__name__)
print(copy.copy(a.f)(), copy.deepcopy(str.upper)('x'), pickle.loads(pickle.dumps(A.c))())
