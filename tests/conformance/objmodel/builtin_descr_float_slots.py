# float's slot wrappers: ints are converted, other kinds give NotImplemented
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), float.__add__(1.5, 'x'))
print(float.__lt__(1.0, 2), float.__eq__(1.0, 1), float.__gt__(1.0, 'a'))
print(float.__mul__(2.5, 2), float.__truediv__(1.0, 4), float.__floordiv__(7.0, 2), float.__mod__(7.5, 2))
print(float.__neg__(2.5), float.__abs__(-2.5), float.__bool__(0.0), float.__int__(3.9), float.__float__(2.0))
print(float.__pow__(2.0, 3), float.__rpow__(2.0, 3), float.__divmod__(7.0, 2))
print(float.__repr__(0.1), float.__hash__(2.0) == hash(2.0))
