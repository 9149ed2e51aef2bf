# get_referrers finds the tracked containers that refer to an object (but not untracked ones).
import gc
target = ['target']
holder_list = [target]
holder_tuple = (target, 1)
holder_dict = {'t': target}
def holds(refs, obj):
    for r in refs:
        if r is obj:
            return True
    return False
refs = gc.get_referrers(target)
print(holds(refs, holder_list), holds(refs, holder_tuple), holds(refs, holder_dict))
print(holds(refs, globals()))
s = 'some string value'
untracked = {'k': s}
print(gc.is_tracked(untracked), holds(gc.get_referrers(s), untracked))
print(gc.get_referrers())
