# _pickle.dumps writes what CPython 3.11's C pickler writes, byte for byte, for every protocol
import _pickle
import pickle
import collections
import copyreg


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 'two'


class WithState:
    def __getstate__(self):
        return {'s': 5}

    def __setstate__(self, st):
        self.__dict__.update(st)


class NewArgs(int):
    def __getnewargs__(self):
        return (int(self),)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)

    def __getnewargs_ex__(self):
        return (1, 2), {'k': 3}


class ReduceStr:
    def __reduce__(self):
        return 'REDUCE_STR_GLOBAL'


REDUCE_STR_GLOBAL = ReduceStr()


def func():
    pass


big_list = list(range(2500))
big_dict = {i: str(i) for i in range(1200)}
shared = [1, 2]
rec = []
rec.append(rec)
rec_t = ([],)
rec_t[0].append(rec_t)
values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63, -2**63,
    2**64 + 7, -(2**200), 10**300, 0.0, -0.0, 1.5, 1e300, float('inf'), float('-inf'), 1e-310,
    '', 'abc', 'h\xe9llo', '\u20ac', '\U0001f600', 'a\\b\nc\r\x00\x1a', 'x' * 300, '\ud800',
    b'', b'a', b'\x00\xff' * 200, bytearray(), bytearray(b'abc'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {1: 2}, {'a': 1, 'b': 2},
    set(), {1}, {1, 2, 3}, frozenset(), frozenset({4}), [shared, shared], (shared, shared), rec, rec_t,
    big_list, big_dict, set(range(1000)), set(range(1001)),
    int, str, type(None), type(Ellipsis), type(NotImplemented), func, len, collections.OrderedDict,
    collections.OrderedDict(a=1), Plain(), Slotted(), WithState(), NewArgs(5),
    NewArgsEx(), REDUCE_STR_GLOBAL, Plain.__init__, range(3), complex(1, 2), Ellipsis, NotImplemented,
    [Plain, Plain], 'x' * 70000, b'y' * 70000,
]
for v in values:
    for proto in range(6):
        try:
            data = _pickle.dumps(v, proto)
        except Exception as e:
            print(proto, type(v).__name__, 'error', type(e).__name__, e)
            continue
        print(proto, type(v).__name__, len(data), data[:200], data[-60:])
        back = pickle.loads(data)
        if v is rec:
            print('  round trip', back[0] is back)
        elif v is rec_t:
            print('  round trip', back[0][0] is back)
        elif type(back) in (int, float, str, bytes, bytearray, tuple, list, dict, set, frozenset) and v == v:
            print('  round trip', back == v, type(back).__name__)

# the extension registry
copyreg.add_extension(__name__, 'Plain', 240)
copyreg.add_extension(__name__, 'Slotted', 40000)
copyreg.add_extension(__name__, 'WithState', 1 << 20)
for proto in range(6):
    print('ext', proto, _pickle.dumps([Plain, Slotted, WithState], proto))
    print('  back', pickle.loads(_pickle.dumps([Plain, Slotted, WithState], proto)) == [Plain, Slotted, WithState])
copyreg.remove_extension(__name__, 'Plain', 240)
copyreg.remove_extension(__name__, 'Slotted', 40000)
copyreg.remove_extension(__name__, 'WithState', 1 << 20)
