# BaseException's slot wrappers and methods through the type
e = ValueError('x', 1)
print(BaseException.__str__(e), BaseException.__repr__(e), Exception.__init__ is BaseException.__init__)
BaseException.__init__(e, 'y')
print(e.args, type(e.with_traceback).__name__, type(ValueError.__init__).__name__)
class E(Exception):
    def __init__(self, v):
        Exception.__init__(self, v, 'extra')
print(E(1).args)
