# get_referrers scans generation 0 before the older ones, each in list order, so the result order is deterministic.
import gc
gc.collect()
target = ['t']
old_holder = [target, 'old']
gc.collect()
h1 = [target, 1]
h2 = {'t': target}
h3 = (target, 3)
refs = gc.get_referrers(target)
names = []
for r in refs:
    if r is old_holder:
        names.append('old_holder')
    elif r is h1:
        names.append('h1')
    elif r is h2:
        names.append('h2')
    elif r is h3:
        names.append('h3')
    elif r is globals():
        names.append('globals')
    else:
        names.append(type(r).__name__)
print(names)
