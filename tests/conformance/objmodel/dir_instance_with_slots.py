# dir of a slotted class and instance: the member descriptors, no __dict__
class S:
    __slots__ = ('a', 'b')
s = S()
s.a = 1
print([n for n in dir(s) if not n.startswith('__')], '__dict__' in dir(s), '__slots__' in dir(S))
