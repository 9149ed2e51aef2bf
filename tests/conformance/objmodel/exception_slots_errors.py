# exception subclasses with __slots__ keep their dict (BaseException has one); unset slots raise AttributeError
class E(Exception):
    __slots__ = ('code',)
e = E('msg')
try:
    e.code
except AttributeError as err:
    print(err)
e.code = 404
e.note = 'n'
print(e.code, e.args, e.note)
try:
    raise E('raised')
except E as caught:
    print(type(caught).__name__, caught.args)
