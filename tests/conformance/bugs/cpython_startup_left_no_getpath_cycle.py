# CPython's start-up leaves getpath.py's namespace (a dict its function search_up closes a cycle
# with: 24 tracked objects) for its collector, so gc.get_stats() at the first line has collected
# 24; refheap's start-up computed the paths in Java and left nothing: 0
# options: --startup=cpython
# oracle: script
import gc
print(gc.get_stats()[0]['collected'], gc.get_stats()[0]['uncollectable'])
