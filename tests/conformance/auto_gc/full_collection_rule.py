# Generation 2 is collected automatically only when pending survivors reach 25% of the long-lived total.
import gc
gc.freeze()
gc.set_threshold(100, 2, 2)
big = [[] for i in range(20000)]
gc.collect()
gens = []
def cb(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
gc.callbacks.append(cb)
for i in range(3000):
    l = []
    l.append(l)
c_mid = gc.get_count()
g_mid = ''.join([str(g) for g in gens])
del gens[:]
keep = []
for i in range(8000):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
gc.unfreeze()
print(g_mid)
print(c_mid)
print(''.join([str(g) for g in gens]))
