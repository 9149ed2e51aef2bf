# super() finds properties and staticmethods of bases and binds them as attribute access does
class A:
    @property
    def p(self):
        return 'A.p of ' + type(self).__name__
    @staticmethod
    def s(x):
        return 'A.s(' + str(x) + ')'
class B(A):
    @property
    def p(self):
        return 'B>' + super().p
    @staticmethod
    def s(x):
        return 'B>' + super(B, B).s(x)
print(B().p, B.s(1), B().s(2))
