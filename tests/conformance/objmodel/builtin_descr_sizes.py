# sizes and GC tracking of the builtin descriptor kinds and their bound forms
import sys, gc
for x in (list.__iter__, int.__add__, object.__init__, list.append, str.join, [].__iter__, (1).__add__, [].append, dict.fromkeys):
    print(type(x).__name__, sys.getsizeof(x), gc.is_tracked(x))
