# An exception raised without a traceback and reported as unraisable (gen_close's "generator ignored
# GeneratorExit") gets a traceback made from the current frame, as _PyErr_WriteUnraisableMsg makes
# it: the report shows that frame's line, a program's sys.unraisablehook receives it.
import gc, sys
def f():
    try:
        yield
    except GeneratorExit:
        yield "foo!"
def main():
    g = f()
    next(g)
    del g
main()
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.exc_traceback is not None,
                 args.exc_traceback.tb_frame.f_code.co_name, args.exc_traceback.tb_next))
sys.unraisablehook = hook
def main2():
    g = f()
    next(g)
    del g
main2()
print(seen)
