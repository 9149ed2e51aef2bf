# disable/enable/isenabled toggle automatic collection only; gc.collect() still works while disabled.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a = []
a.append(a)
del a
print(gc.collect())
gc.disable()
print(gc.isenabled())
gc.enable()
gc.enable()
print(gc.isenabled())
