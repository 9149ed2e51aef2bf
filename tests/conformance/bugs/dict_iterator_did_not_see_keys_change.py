# A dict iterator counts the items still to give (dictiterobject.len): one that finds an entry
# after that count reached 0 (keys deleted and added, the size the same) raises RuntimeError
# "dictionary keys changed during iteration" and lets go of the dict; its length hint is that
# count. refheap's iterators had no count, so such loops went on (or ended) silently.
# Also: `(k, v) in d.items()` looks the key up and compares the value (dictitems_contains);
# refheap iterated the view, so an __eq__ that cleared the dict was a size-change error.
def loop(make, mutate):
    d = {0: 0}
    try:
        out = []
        for x in make(d):
            out.append(x)
            mutate(d)
            if len(out) > 5:
                break
        print('ended', out)
    except RuntimeError as e:
        print('RuntimeError', e, out)


def del_add(d):
    del d[0]
    d[0] = 0


def add_del(d):
    d[1] = 1
    del d[1]


def renumber(d):
    k = next(iter(d))
    del d[k]
    d[k + 1] = k + 1


for make in (lambda d: d, lambda d: d.keys(), lambda d: d.values(), lambda d: d.items(),
             lambda d: reversed(d), lambda d: reversed(d.values()), lambda d: reversed(d.items())):
    for mutate in (del_add, add_del, renumber):
        loop(make, mutate)

# the iterator lets go of the dict after the error
d = {0: 0, 1: 1}
it = iter(d)
next(it)
del d[1]
d[2] = 2
print(list(it))
d = dict.fromkeys(range(3))
it = iter(d)
for k in range(3):
    del d[k]
d.update(dict.fromkeys('abc'))
try:
    print(next(it))
    print(next(it), next(it), next(it))
except RuntimeError as e:
    print('RuntimeError', e)
print(list(it))

# length hints follow the count
d = dict.fromkeys(range(5))
for it in (iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.keys())):
    hints = [it.__length_hint__()]
    next(it)
    hints.append(it.__length_hint__())
    d[99] = 1
    hints.append(it.__length_hint__())
    del d[99]
    hints.append(it.__length_hint__())
    print(type(it).__name__, hints)


# items containment
class X:
    def __eq__(self, other):
        d.clear()
        return NotImplemented


d = {0: set()}
print((0, X()) in d.items(), d)
d = {1: 'a', 2: [3]}
print((1, 'a') in d.items(), (2, [3]) in d.items(), (1, 'b') in d.items(), (3, 'a') in d.items(),
      [1, 'a'] in d.items(), (1,) in d.items(), (1, 'a', 2) in d.items())


class T(tuple):
    pass


print(T((1, 'a')) in d.items())
try:
    print(([], 1) in d.items())
except TypeError as e:
    print('TypeError', e)
nan = float('nan')
d = {1: nan}
print((1, nan) in d.items(), (1, float('nan')) in d.items())
