# the descriptor types have slot wrappers of their own
w = list.__iter__
print(type(w).__get__ is type(w).__dict__['__get__'], type(type(w).__get__).__name__)
print(type(w).__call__(w, [1]).__class__.__name__)
print(type(list.append).__call__(list.append, [], 1))
