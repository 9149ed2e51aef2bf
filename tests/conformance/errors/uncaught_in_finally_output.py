# finally blocks and __del__ of dying locals still run while an uncaught exception unwinds.
class Tracked:
    def __del__(self):
        print('local freed')
def f():
    t = Tracked()
    try:
        1 / 0
    finally:
        print('finally ran')
f()
