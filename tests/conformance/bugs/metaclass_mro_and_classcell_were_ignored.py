# A metaclass's own mro() is called when a class is made and gives its __mro__ (it was never
# called), after the __class__ cell is set; its result is checked (classes only, a layout the class
# extends). type.__new__ refuses a __classcell__ that is not a cell; __build_class__ checks that the
# body's __class__ cell holds the class the metaclass made.
order = []


class Meta(type):
    def mro(cls):
        order.append(cls.__name__)
        if '__class__' in cls.__dict__.get('peek', lambda: None).__code__.co_freevars:
            order.append(cls.__dict__['peek']().__name__)
        m = super().mro()
        return m[:1] + m[1:][::-1] if cls.__name__ == 'R' else m


class A(metaclass=Meta):
    def peek():
        return __class__

    def who(self):
        return 'A'


class B(metaclass=Meta):
    def who(self):
        return 'B'


class R(A, B):
    pass


print(order)
print([c.__name__ for c in R.__mro__], R().who(), R.mro() == list(R.__mro__))


class Bad(type):
    def mro(cls):
        return [cls, int, object] if cls.__name__ == 'X' else super().mro()


class NotClass(type):
    def mro(cls):
        return [cls, 1, object] if cls.__name__ == 'X' else super().mro()


for meta in (Bad, NotClass):
    try:
        X = meta('X', (), {})
        print('made', X.__mro__)
    except TypeError as e:
        print('TypeError', e)


class Gen(type):
    def mro(cls):
        return iter(super().mro())


class G(metaclass=Gen):
    pass


print(type(G.__mro__).__name__, [c.__name__ for c in G.__mro__])


class Pop(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)


class Plain(metaclass=Pop):
    pass


try:
    class WithRef(metaclass=Pop):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError', e)


class Over(type):
    def __new__(mcls, name, bases, ns, cell):
        ns['__classcell__'] = cell
        return super().__new__(mcls, name, bases, ns)


for bad in (None, 0, '', object()):
    try:
        class C(metaclass=Over, cell=bad):
            pass
    except TypeError as e:
        print('TypeError', str(e).split(' at ')[0])


class Wrong(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        type('Other', (), ns)
        return cls


try:
    class W(metaclass=Wrong):
        def f(self):
            return __class__
except TypeError as e:
    print('TypeError', str(e).replace(__name__, 'M'))
