# gc.garbage and gc.callbacks are ordinary lists owned by the module; they start empty.
import gc
print(type(gc.garbage).__name__, gc.garbage)
print(type(gc.callbacks).__name__, gc.callbacks)
print(gc.is_tracked(gc.garbage))
