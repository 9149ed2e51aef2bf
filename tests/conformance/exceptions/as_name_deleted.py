# The name bound by `except E as e` is deleted when the handler ends, even if it existed before.
e = 'outer value'
try:
    raise KeyError('k')
except KeyError as e:
    print('in handler', type(e).__name__)
print('e' in globals())
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
