# the interpreter's attribute caches never bypass a __getattribute__, __setattr__ or data descriptor added later
class C:
    pass
def read(o):
    return o.x
def write(o, v):
    o.x = v
c = C()
c.x = 1
results = []
for i in range(5):
    results.append(read(c))
    write(c, i)
C.__getattribute__ = lambda self, name: 'hooked ' + name
results.append(read(c))
del C.__getattribute__
results.append(read(c))
def setter(self, name, value):
    object.__setattr__(self, name, value + 100)
C.__setattr__ = setter
write(c, 1)
results.append(read(c))
del C.__setattr__
class Prop:
    def __get__(self, obj, owner):
        return 'descr'
    def __set__(self, obj, value):
        pass
C.x = Prop()
results.append(read(c))
write(c, 9)
results.append(read(c))
print(results)
