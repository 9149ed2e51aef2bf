import gc; gc.disable(); x = 1
a = 1; b = 2;
if a: b = 3; c = 4
for i in range(3): print(i); print(i * 2)
while False: pass
class C: x = 1; y = 2
def f(): return 1
