# getsizeof of a materialized instance __dict__: CPython 3.11's split dict, sized by the class's shared keys
import sys
class N:
    pass
n = N()
n.a = 1
sizes = [sys.getsizeof(n.__dict__)]
m = N()
sizes.append(sys.getsizeof(m.__dict__))
d = n.__dict__
n.b = 2
sizes.append(sys.getsizeof(d))
d['c'] = 3
sizes.append(sys.getsizeof(d))
del d['a']
sizes.append(sys.getsizeof(d))
d[5] = 1
sizes.append(sys.getsizeof(d))
print(sizes)
class Many:
    def __init__(self):
        self.x = 1
objs = [Many() for i in range(40)]
print(sys.getsizeof(objs[-1].__dict__), sys.getsizeof(objs[0].__dict__))
