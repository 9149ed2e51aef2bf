# A class attribute used as an instance counter, with __del__ decrementing it.
class Counted:
    alive = 0
    def __init__(self):
        Counted.alive += 1
    def __del__(self):
        Counted.alive -= 1
items = [Counted() for i in range(5)]
print(Counted.alive)
del items[:3]
print(Counted.alive)
items = None
print(Counted.alive)
