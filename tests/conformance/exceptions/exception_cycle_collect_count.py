# Catching and storing an exception in a local of the catching frame leaves a cycle for gc.
import gc
gc.collect()
def catcher():
    try:
        raise ValueError('v')
    except ValueError as e:
        keep = e
    return None
catcher()
print(gc.collect())
def catcher_clean():
    try:
        raise ValueError('v')
    except ValueError as e:
        keep = e
    keep = None
    return None
catcher_clean()
print(gc.collect())
