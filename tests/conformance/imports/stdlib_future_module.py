# the __future__ module from CPython's library: its features and their compiler flags
import __future__
print(__future__.all_feature_names)
f = __future__.annotations
print(f.getOptionalRelease(), f.getMandatoryRelease(), f.compiler_flag)
print(repr(__future__.generator_stop))
