# bool and NoneType slot wrappers
print(bool.__and__(True, False), bool.__or__(True, 1), bool.__xor__(True, True), bool.__repr__(True))
print(type(None).__bool__(None), type(None).__repr__(None), None.__bool__(), repr(NotImplemented), repr(...))
print(bool.__add__(True, True), bool.__and__ is int.__and__)
