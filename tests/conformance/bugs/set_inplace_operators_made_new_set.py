# bug: s |= t, &=, -=, ^= on a set made a new set instead of changing s in place
s = {1, 2, 3}
alias = s
s |= {4}
print(alias is s, sorted(alias))
s &= {1, 2, 4, 9}
print(alias is s, sorted(alias))
s -= {1}
print(alias is s, sorted(alias))
s ^= {2, 7}
print(alias is s, sorted(alias))
s -= s
print(alias is s, alias)
f = frozenset([1])
g = f
f |= {2}
print(f is g, sorted(f), sorted(g))
