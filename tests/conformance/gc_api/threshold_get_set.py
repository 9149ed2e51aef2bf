# get_threshold defaults to (700, 10, 10); set_threshold keeps omitted values and accepts any int.
import gc
print(gc.get_threshold())
gc.set_threshold(900, 20, 20)
print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(5, 6)
print(gc.get_threshold())
gc.set_threshold(-1, 0, -7)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
