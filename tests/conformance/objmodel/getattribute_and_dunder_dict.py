# __getattribute__ also sees __dict__ and __class__ lookups; special method calls bypass it
seen = []
class C:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        seen.append(name)
        return object.__getattribute__(self, name)
    def __len__(self):
        return 3
c = C()
seen.clear()
d = c.__dict__
k = c.__class__
n = len(c)
print(d, k.__name__, n, seen)
