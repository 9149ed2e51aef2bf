# __set_name__ is called with the owner class and the attribute name at class creation
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset ' + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
class Model:
    a = Field()
    b = Field()
print(Model.a.owner, Model.a.name, Model.b.name)
m = Model()
print(m.a)
m.a = 3
print(m.a, m.b, vars(m))
