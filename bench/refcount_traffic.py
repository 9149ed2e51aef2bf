# Reference-count traffic without allocation: passing, storing and dropping references to shared objects.
shared = [object() for i in range(64)]
slots = [None] * 64
def touch(o, k):
    slots[k] = o
    return o
n = 0
for i in range(3000000):
    k = i % 64
    o = touch(shared[k], k)
    if o is shared[k]:
        n += 1
print('touched', n)
