# Random attribute and __dict__ operations over instances of a fresh class per seed (sets, deletes,
# vars() and its dict methods, copies, pickling, deepcopy, del/assign __dict__, non-str keys, shared
# keys filled up): after each step the instance dict's getsizeof and items, at the end the sizes of
# the copies and views kept, as python3 gives them for split and combined dicts alike.
import sys, random, copy, pickle, gc

out = []
for seed in list(range(120)) + [405]:
    rnd = random.Random(seed)
    class A:
        pass
    objs = [A() for _ in range(rnd.randint(1, 4))]
    names = ["a", "b", "c", "d", "e", "f"] + ["n%d" % i for i in range(rnd.choice([0, 5, 30]))]
    log = [str(seed)]
    held = []
    for step in range(rnd.randint(5, 40)):
        o = rnd.choice(objs)
        op = rnd.choice(["set", "set", "set", "del", "vars", "dset", "ddel", "pop", "popitem", "copy", "clear",
                         "setdict", "deldict", "nonstr", "new", "update", "pickle", "deepcopy", "keys", "hold"])
        try:
            if op == "set": setattr(o, rnd.choice(names), step)
            elif op == "del": delattr(o, rnd.choice(names))
            elif op == "vars": r = vars(o)
            elif op == "dset": vars(o)[rnd.choice(names)] = step
            elif op == "ddel": del vars(o)[rnd.choice(names)]
            elif op == "pop": vars(o).pop(rnd.choice(names), None)
            elif op == "popitem": vars(o).popitem()
            elif op == "copy": held.append(vars(o).copy())
            elif op == "clear": vars(o).clear()
            elif op == "setdict": o.__dict__ = {rnd.choice(names): step}
            elif op == "deldict": del o.__dict__
            elif op == "nonstr": vars(o)[step] = 1
            elif op == "new": objs.append(A())
            elif op == "update": vars(o).update({rnd.choice(names): step, rnd.choice(names): -step})
            elif op == "pickle": objs.append(pickle.loads(pickle.dumps(o)))
            elif op == "deepcopy": objs.append(copy.deepcopy(o))
            elif op == "keys": held.append(list(vars(o).items()))
            elif op == "hold": held.append(vars(o))
            log.append("%s:%d:%s" % (op, sys.getsizeof(o.__dict__), list(o.__dict__.items())[:8]))
        except Exception as e:
            log.append("%s!%s" % (op, type(e).__name__))
    log.append(str([sys.getsizeof(h) if isinstance(h, dict) else len(h) for h in held]))
    log.append(str(gc.is_tracked(vars(objs[0]))))
    out.append(" ".join(log))
print("\n".join(out))
