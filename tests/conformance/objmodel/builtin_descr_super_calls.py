# calling base slots explicitly and through super(): object.__init__, __setattr__, __eq__, __repr__
class C:
    def __init__(self, v):
        object.__init__(self)
        super().__setattr__('v', v)
    def __setattr__(self, name, value):
        raise AttributeError('read-only')
    def __eq__(self, other):
        return super().__eq__(other)
    def __repr__(self):
        return 'C(' + str(self.v) + ')' + str(super().__repr__().startswith('<__main__.C object'))
c = C(3)
print(c.v, c == c, c.__eq__(1), repr(c))
try:
    c.w = 1
except AttributeError as e:
    print(e)
