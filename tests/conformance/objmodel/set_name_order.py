# __set_name__ is called in class-body order, after the class exists, before __init_subclass__
log = []
class Named:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        log.append((self.tag, name, owner.__name__))
class Base:
    def __init_subclass__(cls):
        log.append(('init_subclass', cls.__name__))
class C(Base):
    z = Named(1)
    a = Named(2)
    m = Named(3)
print(log)
