# A key whose __hash__ raises is released (its __del__ runs) by dict and set displays, comprehensions, constructors and lookups, as 3.11
class H:
    def __hash__(self):
        raise ValueError('no hash')
    def __del__(self):
        print('del H')
for make in [lambda: {H(): 1}, lambda: {H()}, lambda: {1: 2, H(): 1}, lambda: set([1, H()]), lambda: dict([(H(), 1)]), lambda: {H(): 1 for i in range(1)}, lambda: {H() for i in range(1)}, lambda: frozenset([H()]), lambda: {1: 1}.get(H()), lambda: H() in {1: 2}, lambda: H() in {1}]:
    try:
        make()
    except ValueError as e:
        print('ValueError', e)
print('end')
