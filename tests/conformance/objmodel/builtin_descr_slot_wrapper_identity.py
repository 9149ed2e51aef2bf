# slot wrappers are per type: each builtin type that defines a slot has its own
print(list.__len__ is tuple.__len__, list.__eq__ is object.__eq__, bool.__repr__ is int.__repr__)
print(int.__add__ is bool.__add__, bool.__and__ is int.__and__, KeyError.__str__ is BaseException.__str__)
print(list.__init__ is object.__init__, tuple.__init__ is object.__init__, Exception.__init__ is BaseException.__init__)
