A1 = 'a1'
from . import b
A2 = 'a2 sees ' + b.B
