# __len__, __getitem__ (which also drives iteration and `in`) and __call__ make instances behave like built-ins.
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
    def __call__(self, k):
        return k + self.n
s = Seq(4)
print(len(s), s[2], list(s), 9 in s, 5 in s, s(10))
