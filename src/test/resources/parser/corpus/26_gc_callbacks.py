import gc


def on_gc(phase, info):
    if phase == "start":
        print("gc start", info["generation"])
    else:
        print("gc stop, collected", info["collected"], "uncollectable", info["uncollectable"])


gc.callbacks.append(on_gc)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold(), gc.get_count())
for gen in (0, 1, 2):
    gc.collect(gen)
gc.callbacks.remove(on_gc)
gc.freeze(); gc.unfreeze()
