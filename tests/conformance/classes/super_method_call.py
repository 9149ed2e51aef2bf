# super().__init__() called directly (LOAD_METHOD on a super object) runs the base class's __init__, not object.__init__.
class Base:
    def __init__(self, n):
        self.items = [n]
    def describe(self):
        return 'Base' + str(self.items)
class Derived(Base):
    def __init__(self, n):
        super().__init__(n * 10)
        self.extra = n
    def describe(self):
        return 'Derived/' + super().describe()
d = Derived(4)
print(sorted(d.__dict__.items()))
print(d.describe())
