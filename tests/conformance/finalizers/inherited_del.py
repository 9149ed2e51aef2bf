# __del__ is inherited; a subclass can extend it by calling the base's explicitly.
class Base:
    def __del__(self):
        print('Base.__del__', type(self).__name__)
class Child(Base):
    pass
class Extended(Base):
    def __del__(self):
        print('Extended.__del__')
        Base.__del__(self)
Child()
Extended()
print('end')
