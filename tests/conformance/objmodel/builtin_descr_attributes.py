# __name__, __qualname__, __objclass__, __self__ of builtin descriptors and their bound forms
l = [1]
print(list.__iter__.__name__, list.__iter__.__qualname__, list.__iter__.__objclass__)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
w = l.__len__
print(w.__name__, w.__qualname__, w.__self__ is l, w.__objclass__)
b = l.append
print(b.__name__, b.__qualname__, b.__self__ is l)
print(dict.fromkeys.__name__, dict.fromkeys.__qualname__)
print(len.__name__, len.__qualname__)
