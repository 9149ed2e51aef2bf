# list subscripts whose __index__ shrinks the list: the size is read after the conversion, as list_subscript
# and list_ass_subscript do (refheap read the old size and then freed memory); a slice's bounds converted once.
class I:
    def __init__(self, v): self.v = v
    def __index__(self):
        lst.clear()
        return self.v
lst = [1, 2, 3]
try:
    print(lst[I(1)])
except IndexError as e:
    print('IndexError', e)
lst = [1, 2, 3]
print(lst[I(0):I(2)])
lst = [1, 2, 3]
try:
    lst[I(1)] = 5
except IndexError as e:
    print('IndexError', e)
lst = [1, 2, 3]
try:
    del lst[I(1)]
except IndexError as e:
    print('IndexError', e)
lst = [1, 2, 3, 4]
del lst[I(0):I(4):2]; print(lst)
lst = [1, 2, 3, 4]
calls = []
class J:
    def __init__(self, v): self.v = v
    def __index__(self):
        calls.append(self.v)
        return self.v
lst[J(0):J(4):J(2)] = ['a', 'b']; print(lst, calls)
print([1,2,3][::-(2**63)], [1,2,3][5:-9:-1], [][::-1])
