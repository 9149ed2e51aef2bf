# materializing __dict__ of an instance with many attributes moves each value once (clean under --gc-stress)
class C:
    pass
c = C()
for i in range(12):
    setattr(c, 'attr%d' % i, [i])
d = c.__dict__
print(len(d), d['attr11'], sum(len(v) for v in d.values()))
