# a module's attribute lookup read only its dict and __getattr__: m.__class__, m.__sizeof__(),
# m.__reduce_ex__, m.__dir__ and the other names of the module type and object were AttributeErrors,
# and m.__annotations__ (module's getset: an empty dict made and stored on first use) was refused
import sys, json, types
for e in ("sys.__class__", "object.__getattribute__(sys, '__class__')", "json.__class__ is type(json)",
          "json.__sizeof__() > 0", "json.__reduce_ex__(2)[0].__name__", "json.__dir__()[:3]", "json.__eq__(json)",
          "json.__hash__() == hash(json)", "json.__format__('')[:15]", "type(json.__init__).__name__",
          "json.__repr__()[:20]", "'__annotations__' in vars(json)", "json.__annotations__",
          "'__annotations__' in vars(json)", "json.__annotations__ is json.__annotations__"):
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
m = types.ModuleType('m')
m.__getattr__ = lambda name: 'from __getattr__ ' + name
print(m.anything, m.__class__.__name__, m.__doc__, type(m.__dir__).__name__)
m.__class__ = type('Sub', (types.ModuleType,), {'extra': 1})
print(type(m).__name__, m.extra, m.__class__.__name__)
class M(types.ModuleType):
    pass
print(M('n').__class__.__name__, M('n').__annotations__)
