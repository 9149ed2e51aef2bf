# bool() of an empty dict view was True (truth testing did not use the view's length; `not view`
# was right): dict_keys, dict_values, dict_items and OrderedDict's views take their dict's size.
from collections import OrderedDict

for d in ({}, {'a': 1}, OrderedDict(), OrderedDict(a=1)):
    views = (d.keys(), d.values(), d.items())
    print([bool(v) for v in views], [not v for v in views], ['yes' if v else 'no' for v in views])
    print(any(views), all(views), [v for v in views if v] == list(views))
d = {'x': 1}
k = d.keys()
del d['x']
print(bool(k), bool(d.items()))
