# A generator's gi_running flag and gi_frame show its life: created, suspended, finished.
def gen():
    yield 1
g = gen()
print(g.gi_frame is not None, g.gi_running)
next(g)
print(g.gi_frame is not None)
for x in g:
    pass
print(g.gi_frame)
