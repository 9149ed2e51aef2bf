# sys.unraisablehook: test.support's catch_unraisable_exception sees an error in __del__ and restores the hook
import sys
from test.support import catch_unraisable_exception

class C:
    def __del__(self):
        raise ValueError("caught")

with catch_unraisable_exception() as cm:
    C()
    print(type(cm.unraisable).__name__, cm.unraisable.exc_type.__name__, cm.unraisable.exc_value,
          cm.unraisable.object is C.__del__, cm.unraisable.err_msg)
print(hasattr(cm, 'unraisable'), sys.unraisablehook is sys.__unraisablehook__)
