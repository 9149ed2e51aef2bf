# AttributeError messages for missing attributes of classes, instances and slotted instances
class A:
    pass
class S:
    __slots__ = ('x',)
for target, name in ((A, 'nope'), (A(), 'nope'), (S(), 'nope'), (S(), 'x')):
    try:
        getattr(target, name)
    except AttributeError as e:
        print(e)
