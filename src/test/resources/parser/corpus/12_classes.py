class Base:
    pass


class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, ns)


class Derived(Base, metaclass=Meta, flag=True):
    """Docstring."""
    attr: int = 0
    other: str

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    @staticmethod
    def static(*args, **kwargs):
        return args, kwargs

    @classmethod
    def make(cls):
        return cls()


class Empty(): pass
class WithArgs(*bases, **kw): ...
