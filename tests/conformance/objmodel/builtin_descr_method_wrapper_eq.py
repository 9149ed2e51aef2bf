# method-wrappers compare equal when they wrap the same slot of the same object; hash follows
l = [1]
a, b = l.__len__, l.__len__
print(a is b, a == b, hash(a) == hash(b), a == [].__len__, a == l.__iter__)
print(l.__len__() , a(), [].__iter__ == [].__iter__)
s = {a}
print(b in s, len(s))
