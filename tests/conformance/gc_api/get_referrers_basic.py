# get_referrers finds the tracked containers that refer to an object (but not untracked ones).
import gc
target = ['target']
holder_list = [target]
holder_tuple = (target, 1)
holder_dict = {'t': target}
refs = gc.get_referrers(target)
print(any(r is holder_list for r in refs), any(r is holder_tuple for r in refs), any(r is holder_dict for r in refs))
print(any(r is globals() for r in refs))
s = 'some string value'
untracked = {'k': s}
print(gc.is_tracked(untracked), any(r is untracked for r in gc.get_referrers(s)))
print(gc.get_referrers())
