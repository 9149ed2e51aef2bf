# A builtin function pickles by name (meth_reduce: its __reduce__ is the name, save_global finds it through
# __module__); a builtin method as getattr(self, name). refheap's __reduce__ was object's, refused by name.
import pickle, math
print(len.__reduce__(), math.sqrt.__reduce__(), [].append.__reduce__()[0] is getattr, [].append.__reduce__()[1])
for p in range(4):
    print(pickle.loads(pickle.dumps(len, p)) is len, pickle.loads(pickle.dumps(math.floor, p)) is math.floor)
