# `from m import *` takes exactly the names of __all__, underscores included
from starpkg.withall import *
print(public, _private_but_listed)
print('not_listed' in globals())
