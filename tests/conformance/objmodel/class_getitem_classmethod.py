# an explicit @classmethod __class_getitem__ and one inherited through the mro
class Base:
    @classmethod
    def __class_getitem__(cls, params):
        return f'{cls.__name__}[{params!r}]'
class Child(Base):
    pass
print(Base[int], Child['x'], Child[1, 2])
