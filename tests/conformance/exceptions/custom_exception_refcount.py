# A custom exception carrying a payload holds it through args and attributes.
import sys
class MyError(Exception):
    def __init__(self, payload):
        Exception.__init__(self, 'my error')
        self.payload = payload
data = []
print(sys.getrefcount(data))
try:
    raise MyError(data)
except MyError as e:
    print(sys.getrefcount(data), e.args, e.payload is data)
print(sys.getrefcount(data))
