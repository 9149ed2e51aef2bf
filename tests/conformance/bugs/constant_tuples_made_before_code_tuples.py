# Memory fuzzer seeds 3019438, 3053370, 3071472: the compiler's constant tuples are made before
# the code objects' co_names / co_consts / co_localsplusnames tuples, items before the tuple that
# holds them, nested code objects before their parent's, as CPython 3.11's compile() makes them.
# Once gc.unfreeze() lets a full collection see them with the program's objects, untrack_tuples
# reaches them in that order: a tuple of a folded constant stays tracked when the constant is
# reached after it.
# The code is compiled here with the collector disabled, then frozen: compiling the program file
# itself happens while start-up's objects are still young, so whether a collection untracks a
# constant before the program runs would depend on start-up state.
import gc, sys
gc.disable()
code = compile('''
def f():
    return (5, 6)
v1 = (1323 + 1,)
v2 = ((1, 2), 'a')
gc.unfreeze()
consts = sys._getframe().f_code.co_consts
objs = gc.get_objects(2)
ids = [id(o) for o in objs]
order = sorted([(ids.index(id(consts)), "co_consts"), (ids.index(id(v1)), "(1324,)"),
                (ids.index(id(v2)), "((1, 2), 'a')"), (ids.index(id(v2[0])), "(1, 2)"),
                (ids.index(id(f.__code__.co_consts)), "f co_consts")])
print([name for _, name in order])
objs = ids = None
v3 = (v1, v1, v1)
v1 = None
print("collect", gc.collect())
print("v3 tracked", gc.is_tracked(v3))
''', "<program>", "exec")
gc.freeze(); gc.collect()
exec(code, {"gc": gc, "sys": sys})
gc.enable()
