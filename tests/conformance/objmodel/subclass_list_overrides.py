# Overrides on a list subclass: __init__ with and without list.__init__, __iter__ used by
# iteration but not by list's own methods, __getitem__/__setitem__ reached by subscription,
# __len__ used by len(), super() reaching list's slots.
class Doubled(list):
    def __init__(self, items):
        super().__init__(x * 2 for x in items)


print(Doubled([1, 2]), len(Doubled([1, 2])))


class Extra(list):
    def __init__(self, n):
        self.n = n


e = Extra(3)
print(e, e.n, len(e))


class Rev(list):
    def __iter__(self):
        return iter(['overridden'])


r = Rev([1, 2])
print(list(r), [x for x in r], len(r), r[0], r, r + [3], r.copy(), r.index(2))


class Sub(list):
    def __getitem__(self, i):
        return ('got', super().__getitem__(i))

    def __setitem__(self, i, v):
        super().__setitem__(i, v * 10)

    def __len__(self):
        return 42


s = Sub([1, 2])
s[0] = 5
print(s[0], s, len(s), list.__len__(s), bool(s))


class Stack(list):
    push = list.append

    def peek(self):
        return self[-1]


st = Stack()
st.push(1)
st.push(2)
print(st.peek(), st.pop(), st)


class Add(list):
    def __add__(self, other):
        return 'add'


a = Add([1])
print(a + [2], [2] + a)
a += [3]
print(a)
