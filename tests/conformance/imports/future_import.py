# `from __future__ import ...` of the features 3.11 knows compiles, and imports the __future__ module
from __future__ import generator_stop, division, nested_scopes
import __future__
print(__future__.division)
print(__future__.all_feature_names[:3])
print(division is __future__.division)
