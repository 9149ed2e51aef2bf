# An exception holds its args tuple; `except ... as e` binds it and deletes the name at the end of the block.
import sys
payload = []
print(sys.getrefcount(payload))
try:
    raise ValueError(payload)
except ValueError as e:
    print(sys.getrefcount(payload))
    saved = e
print(sys.getrefcount(payload))
print('e' in globals())
del saved
print(sys.getrefcount(payload))
