# a callable metaclass gets the bases tuple and the namespace with __module__ and __qualname__
def meta(name, bases, ns, **kw):
    return {'name': name, 'bases': bases, 'module': ns['__module__'], 'qualname': ns['__qualname__'], 'kw': kw}
class Base:
    pass
class X(Base, metaclass=meta, flag=1):
    pass
print(X['name'], X['bases'] == (Base,), X['module'], X['qualname'], X['kw'])
