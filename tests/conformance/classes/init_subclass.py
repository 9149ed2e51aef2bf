# __init_subclass__ defined by a base runs for every new subclass, with the new class (an implicit classmethod).
class A:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
class B(A): pass
class C(B): pass
