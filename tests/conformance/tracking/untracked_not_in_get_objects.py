# get_objects() only lists tracked objects, so untracked dicts and tuples are missing from it.
import gc
def present(o):
    for x in gc.get_objects():
        if x is o:
            return True
    return False
d = {'a': 1}
t = tuple([1, 2])
l = [1]
print(present(d), present(t), present(l))
gc.collect()
print(present(d), present(t), present(l))
