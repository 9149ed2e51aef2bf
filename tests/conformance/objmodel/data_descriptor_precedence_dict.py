# with __set__ only (no __get__), the instance dict wins on reads but assignments go to __set__
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__['v'] = ('via set', value)
class C:
    v = SetOnly()
c = C()
print(type(c.v).__name__)
c.v = 1
print(c.v)
c.__dict__['v'] = 'direct'
print(c.v)
