# super() zero-argument, two-argument, in classmethods and super(C, C)
class A:
    def who(self):
        return 'A'
    @classmethod
    def make(cls):
        return 'A.make for ' + cls.__name__
class B(A):
    def who(self):
        return 'B>' + super().who()
    @classmethod
    def make(cls):
        return 'B>' + super().make()
class C(B):
    def who(self):
        return 'C>' + super(C, self).who()
print(C().who(), B.make(), C.make())
print(super(B, C()).who(), super(C, C).make())
print(super(B, B).who(C()))
