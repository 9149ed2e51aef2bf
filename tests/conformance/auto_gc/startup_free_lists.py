# A program starts with the free lists start-up left: its first small tuples, dicts and lists are reused ones and do not move count0.
# (How many remain at start depends on what start-up and compiling the program took: a clean CPython 3.11
# started as generate.py starts it has 7 free lists and 8 free 2-tuples, so only a few are used here.)
import gc
gc.disable()
def d():
    return gc.get_count()[0]
x = 1
a = d(); b = d(); print('nothing', b - a)
a = d(); t = (x, a); b = d(); print('2-tuple', b - a)
a = d(); dd = {'k': x}; b = d(); print('dict', b - a)
a = d(); lst = [x]; b = d(); print('list', b - a)
a = d(); lists = [[x] for i in range(4)]; b = d(); print('4 lists', b - a)
gc.collect()
a = d(); t2 = (x, a); b = d(); print('2-tuple after a full collection cleared the free lists', b - a)
