# class bodies with annotations get __annotations__; unannotated classes do not have their own
class A:
    x: int
    y: 'str' = 'y'
class B(A):
    pass
print(A.__annotations__, '__annotations__' in B.__dict__)
z: float = 1.0
print(__annotations__)
