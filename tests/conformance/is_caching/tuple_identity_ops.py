# Immutable sequences are returned as-is by copies that cannot change them; lists are always copied.
t = (1, 2, 3)
print(tuple(t) is t)
print(t[:] is t)
print(t[0:3] is t)
print(t * 1 is t)
print(t + () is t)
l = [1, 2, 3]
print(list(l) is l)
print(l[:] is l)
print(l * 1 is l)
