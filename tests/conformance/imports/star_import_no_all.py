# without __all__, `from m import *` takes the names that do not start with an underscore
from starpkg.noall import *
print(visible, '_hidden' in globals(), '_noall__dunder' in globals(), '__dunder' in globals())
print('__name__' in globals(), __name__)
