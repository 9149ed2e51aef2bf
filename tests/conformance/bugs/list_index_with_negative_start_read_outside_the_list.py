# list.index(x, start, stop) as list_index_impl: a negative start or stop counts from the end and is
# clamped (start -10000 read before the list's items: a crash in test_collections'
# test_Sequence_mixins), stop is honoured, the arguments may be __index__ objects; index, count and
# remove hold each item while its __eq__ runs.
l = list('abcabc')
for args in (('a',), ('a', 1), ('a', -10000), ('a', -3), ('a', 1, 3), ('a', 1, 4), ('c', -2, -1), ('c', 0, -1),
             ('b', 2, 10 ** 30), ('b', -10 ** 30), ('a', 4, 2), ('z',), ('a', True, None)):
    try:
        print(args, l.index(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
class I:
    def __index__(self):
        return 2
print(l.index('c', I()), l.count('a'))
class Shrinker:
    def __eq__(self, other):
        victim.clear()
        return False
victim = [object(), object(), object()]
print(victim.count(Shrinker()), victim)
victim = [[1], [2], [3]]
try:
    print(victim.index(Shrinker()))
except ValueError:
    print('ValueError', victim)
victim = [[1], [2]]
try:
    victim.remove(Shrinker())
except ValueError:
    print('ValueError', victim)
