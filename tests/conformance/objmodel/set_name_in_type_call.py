# type(name, bases, dict) also calls __set_name__ and __init_subclass__
log = []
class Field:
    def __set_name__(self, owner, name):
        log.append(('set_name', owner.__name__, name))
class Base:
    def __init_subclass__(cls, **kw):
        log.append(('init_subclass', cls.__name__))
Made = type('Made', (Base,), {'f': Field(), 'g': Field()})
print(log)
