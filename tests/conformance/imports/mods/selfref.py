import sys
me = sys.modules[__name__]
