# Seed cells 23-25: default thresholds, then set_threshold(900, 20, 20).
import gc
print(gc.get_threshold())
gc.set_threshold(900,20,20)
print(gc.get_threshold())
