# getsizeof of instances for many __slots__ shapes, with and without __dict__ and __weakref__
import sys
class Empty: __slots__ = ()
class One: __slots__ = 'a'
class Three: __slots__ = ['a', 'b', 'c']
class WithDict: __slots__ = ('a', '__dict__')
class WithWeak: __slots__ = ('a', '__weakref__')
class Both: __slots__ = ('a', '__dict__', '__weakref__')
class OnlyDict: __slots__ = ('__dict__',)
class OnlyWeak: __slots__ = ('__weakref__',)
class Plain: pass
class SubPlain(Three): pass
class SubSlots(Three): __slots__ = ('d', 'e')
class SubEmpty(Three): __slots__ = ()
class SubOfPlain(Plain): __slots__ = ('z',)
class SubWithDict(WithDict): __slots__ = ('q',)
for c in (Empty, One, Three, WithDict, WithWeak, Both, OnlyDict, OnlyWeak, Plain, SubPlain, SubSlots, SubEmpty, SubOfPlain, SubWithDict):
    o = c()
    print(c.__name__, sys.getsizeof(o), hasattr(o, '__dict__'), hasattr(c, '__weakref__'))
