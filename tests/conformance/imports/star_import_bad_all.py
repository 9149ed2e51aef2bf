# a non-str in __all__ or a listed name the module lacks: TypeError and AttributeError with 3.11's messages
try:
    from starpkg.badall import *
except TypeError as e:
    print(type(e).__name__, e)
try:
    from starpkg.missingall import *
except AttributeError as e:
    print(type(e).__name__, e)
print('there' in globals())
