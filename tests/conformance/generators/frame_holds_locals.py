# A suspended generator keeps its locals alive; they are freed when it finishes or is deleted.
class Tracked:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def gen(n):
    t = Tracked(n)
    yield 1
    yield 2
g = gen(1)
next(g)
print('suspended')
del g
print('deleted suspended generator')
h = gen(2)
for v in h:
    pass
print('exhausted generator')
