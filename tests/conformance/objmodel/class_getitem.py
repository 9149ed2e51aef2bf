# C[item] calls __class_getitem__ (an implicit classmethod); classes without one are not subscriptable
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class H(G):
    pass
print(G[int], H[str, bytes], G[1:2])
class Plain:
    pass
for t in (Plain, int, str):
    try:
        t[int]
    except TypeError as e:
        print(e)
