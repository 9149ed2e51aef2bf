# Attribute names and keyword-argument names are interned, so they are the same objects as identifier constants.
class A:
    pass
o = A()
setattr(o, ''.join(['fi', 'eld']), 1)
k = list(o.__dict__.keys())[0]
field = 'field'
print(k == field, k is field)
def f(**kw):
    return list(kw.keys())[0]
name = 'name'
print(f(name=1) is name)
d = dict(alpha=1)
alpha = 'alpha'
print(list(d)[0] is alpha)
