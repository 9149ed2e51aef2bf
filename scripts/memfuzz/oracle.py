"""The CPython side of the differential fuzzer: runs many programs in ONE python3 process.

A line-oriented server (JSON, one object a line) on stdin/stdout:
    {"gen": [seed, count]}        generate programs seed..seed+count-1 (gen.py), run each, answer
                                  one line per program: {"seed", "name", "source", "out", "err", "status"}
    {"run": source, "name": name} run this source, answer one such line (the minimizer's candidates)
The first line written is {"python": "<version>"}.

Each program runs as refheap runs one (tests/conformance/README.md):
    exec(compile(source, name, "exec"), {"__name__": "__main__"})
in a fresh namespace, with sys.stdout/sys.stderr captured; an uncaught exception is printed the
way `python3 FILE` prints it (exit status 1). The source is also written to NAME in a private
working directory, because CPython's printer of "Exception ignored in" tracebacks reads source
lines from the file (refheap shows them from the source it compiled).

Between programs the process is put back as a fresh interpreter would be, as far as a program
can see (checked by tests run twice in one process giving the same output): the output that
finalizers print while the program's namespace is torn down is dropped (refheap's runner stops at
the last statement), gc.callbacks emptied, gc.garbage emptied, the collector enabled with
thresholds (700, 10, 10) and debug flags 0, the permanent generation unfrozen, the recursion limit
1000, linecache cleared, and a full collection. Made once before any program: the thread state's
dict and its 'Py_Repr' list (make_thread_state_dict). Programs themselves start with
`gc.freeze(); gc.collect()` (gen.py), which makes what they observe independent of what ran before.
"""
import gc
import io
import json
import linecache
import os
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402


def run(source, name):
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with open(name, "w", encoding="utf-8") as f:
        f.write(source)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    namespace = {"__name__": "__main__"}
    # The program's frame has this one below it, which `python3 FILE` has not: when the program
    # ends with its frame object still referenced (a kept traceback), 3.11 links f_back to this
    # frame's object, allocating it then, and that allocation may start a collection whose
    # finalizers print into the captured stderr. Made here, before the program, it exists already.
    sys._getframe()
    try:
        code = compile(source, name, "exec")
        exec(code, namespace)
    except BaseException as e:  # noqa: B036 - SystemExit and KeyboardInterrupt are program outcomes too
        tb = e.__traceback__
        if tb is not None and tb.tb_frame.f_code is run.__code__:
            tb = tb.tb_next  # not this runner's frame, as python3 FILE does not show one
        traceback.print_exception(type(e), e, tb, file=err)
        status = 1
        e = tb = None
    code = None
    result = out.getvalue(), err.getvalue(), status
    sink = io.StringIO()
    sys.stdout, sys.stderr = sink, sink
    try:
        namespace.clear()
        namespace = None
        gc.callbacks.clear()
        gc.set_debug(0)
        gc.unfreeze()
        gc.enable()
        gc.set_threshold(700, 10, 10)
        gc.collect()
        gc.garbage.clear()
        gc.collect()
        sys.setrecursionlimit(1000)
        linecache.clearcache()
    finally:
        sys.stdout, sys.stderr = saved
    os.unlink(name)
    return result


def warm_decoder():
    """Specialize codecs.BufferedIncrementalDecoder.decode now, as a long run does after its first
    programs: CPython's unraisable hook re-reads source lines through it, and until a function's
    eighth call in a process its tuple unpacking allocates an iterator (a GC object). Warming it
    makes every program see the same interpreter, whatever ran before it."""
    import encodings.utf_8
    decoder = encodings.utf_8.IncrementalDecoder()
    for _ in range(16):
        decoder.decode(b"x")


def make_thread_state_dict():
    """Make the thread state's dict and its 'Py_Repr' list now, as the first repr of a non-empty
    list does: they live as long as the thread, so in this long-lived process only the first
    program that shows a container would make them. The refheap side makes them before every
    program too (MemFuzz's prelude), so that every program starts with them on both sides.
    Fresh-process programs (tests/conformance) check that the first repr makes them."""
    repr([0])


def main():
    warm_decoder()
    make_thread_state_dict()
    reply = sys.stdout
    os.chdir(tempfile.mkdtemp(prefix="refheap-memfuzz-"))
    reply.write(json.dumps({"python": sys.version.split()[0]}) + "\n")
    reply.flush()
    for line in sys.stdin:
        req = json.loads(line)
        if "gen" in req:
            seed, count = req["gen"]
            items = ((s, gen.generate(s), f"memfuzz_{s}.py") for s in range(seed, seed + count))
        else:
            items = [(req.get("seed"), req["run"], req["name"])]
        for s, source, name in items:
            o, e, st = run(source, name)
            reply.write(json.dumps({"seed": s, "name": name, "source": source, "out": o, "err": e,
                                    "status": st}) + "\n")
            reply.flush()
    d = os.getcwd()
    os.chdir("/")
    os.rmdir(d)


if __name__ == "__main__":
    main()
