# a circular import sees the partially initialised module: what is defined so far, and 3.11's AttributeError for the rest
import circ.a as a
import circ.b as b
print(a.A1, a.A2)
print(b.B)
print(b.B_ERR)
