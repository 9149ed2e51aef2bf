# options: --startup=cpython
# CPython puts the script's directory on sys.path after its start-up (pymain_run_python), so no
# start-up import searches it: refheap's --startup=cpython had it there from the first import, which
# left a finder for it in sys.path_importer_cache (and would let a module there shadow a start-up one).
import os
import sys
here = os.path.dirname(os.path.abspath(sys.argv[0]))
print(sys.path[0] == here)
print(here in sys.path_importer_cache)
print(sys.path.count(here))
print([k for k in sys.path_importer_cache if k.startswith(here)] == [os.path.abspath(sys.argv[0])])
