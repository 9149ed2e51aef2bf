# A module's builtin function has its module as __self__ (was None), which inspect.signature needs
# to drop the $module parameter.
import math, _signal, builtins, inspect
print(len.__self__ is builtins, math.sqrt.__self__ is math, _signal.getsignal.__self__ is _signal, [].append.__self__)
print(inspect.signature(math.sqrt), _signal.signal.__module__, _signal.signal.__text_signature__)
