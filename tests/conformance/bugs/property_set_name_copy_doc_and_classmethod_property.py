# property.__set_name__ called directly (it was refused by name); a getter/setter copy keeps the
# property's own doc unless that came from the old getter; a property subclass without a dict
# refuses the doc with AttributeError (3.11; it was dropped); the missing-getter error names the type's qualified
# name; a classmethod wrapping a property (or another descriptor) gives the descriptor's value, as a
# class's __doc__ too.
p = property()
for i in (0, 1, 3):
    try:
        p.__set_name__(*([0] * i))
    except TypeError as e:
        print(e)


class A:
    class Inner:
        pass


print(p.__set_name__(A, 'x'))
for f in (lambda: p.__get__(A()), lambda: p.__set__(A(), 1), lambda: p.__delete__(A()),
          lambda: property().__get__(A.Inner())):
    try:
        f()
    except AttributeError as e:
        print(e)


class pro(property):
    def __new__(typ, *args, **kwargs):
        return "abcdef"


q = property.__new__(pro)
q.__set_name__(A, 1)
print(q.getter(lambda self: 1))


class DocBase:
    _spam = 1

    def _get_spam(self):
        return self._spam
    spam = property(_get_spam, doc="spam spam spam")


class DocSub(DocBase):
    @DocBase.spam.getter
    def spam(self):
        """The decorator does not use this doc string"""
        return self._spam


class GetterDoc:
    @property
    def spam(self):
        """original"""

    @spam.getter
    def spam(self):
        """new"""

    @spam.setter
    def spam(self, v):
        """setter's"""


print(DocBase.spam.__doc__, '|', DocSub.spam.__doc__, '|', GetterDoc.spam.__doc__)


class SubSlots(property):
    """no dict"""
    __slots__ = ()


try:
    class Foo:
        @SubSlots
        def spam(self):
            """cannot be copied"""
            return 1
except AttributeError as e:
    print('AttributeError', e)


try:
    class Foo2:
        @SubSlots
        def spam(self):
            return 1
except AttributeError as e:
    print('AttributeError', e)


class C:
    @classmethod
    @property
    def __doc__(cls):
        return 'A doc for %r' % cls.__name__

    @classmethod
    @property
    def name(cls):
        return cls.__name__.lower()

    @classmethod
    @staticmethod
    def twice(x):
        return 2 * x


class D(C):
    """First"""


print(C.__doc__, C.name, C().name, D.name, C.twice(4))
print(classmethod(property(lambda c: 'got ' + c.__name__)).__get__(None, C))
