# object.__dict__ and dict.__dict__: kinds of their entries
for k, v in object.__dict__.items():
    if k not in ('__class__', '__doc__'):
        print(k, type(v).__name__)
print(type(dict.__dict__['fromkeys']).__name__, repr(dict.__dict__['fromkeys']))
