# finally blocks run while an uncaught exception unwinds; locals its traceback holds are never finalized before the program stops.
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
