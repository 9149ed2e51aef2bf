# A saved exception's traceback keeps the raising frame and its locals alive until the exception is dropped.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def fail():
    local = Tracked('local of fail')
    raise ValueError('failed')
saved = None
try:
    fail()
except ValueError as e:
    saved = e
print('handler done, local still alive')
saved = None
print('exception dropped')
