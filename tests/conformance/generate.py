#!/usr/bin/env python3
"""Generate (or check) the expected outputs of the conformance programs on CPython 3.11.

Every program tests/conformance/<category>/<name>.py is run in a fresh `python -I` subprocess of a
CLEAN CPython 3.11 (see ORACLE below), from the repository root, with the semantics refheap
implements:

    exec(compile(source, "tests/conformance/<category>/<name>.py", "exec"), <__main__'s dict>)

(compiled whole, then run; unlike `python3 FILE.py` the parser's arena does not hold an extra
reference to every literal while the module runs), in a __main__ whose namespace is the one
`python3 FILE.py` gives a script (__file__ the relative path, __cached__ None, a SourceFileLoader,
__annotations__, the builtins module as __builtins__). The run ends when the program's last
statement finishes, or when an uncaught exception's traceback has been printed (exit status 1,
the exception and everything it keeps alive are never released): the child flushes stdout/stderr
and leaves with os._exit, so nothing that CPython would do at interpreter shutdown (finalizers of
objects still alive, weakref.finalize at exit) is recorded.

Outputs, next to the program (see README.md for the contract):
    <name>.out   stdout, always written (may be empty)
    <name>.err   stderr with addresses normalised, only when non-empty
    <name>.exit  the exit status, only when it is not 0 (an uncaught exception gives 1)

Usage (from anywhere):
    python3 tests/conformance/generate.py                 # regenerate every program
    python3 tests/conformance/generate.py PATH...         # only these programs or category dirs
    python3 tests/conformance/generate.py --check [PATH...]   # run and compare, write nothing
    python3 tests/conformance/generate.py --runner './refheap run' [PATH...]
        # check another implementation against the stored outputs (implies --check)
    python3 tests/conformance/generate.py --audit-shutdown [PATH...]
        # report programs that would print something during a normal interpreter shutdown
Re-running is idempotent: a file is rewritten only when its content changes.

The oracle is a clean CPython 3.11: a venv without system site-packages, which generate.py makes
with `python3 -m venv --without-pip` when it is missing ($REFHEAP_ORACLE_VENV, default
~/.cache/refheap/venv311), or the interpreter $REFHEAP_ORACLE_PYTHON names. "Clean" matters: a
host python3 may have .pth files in its site-packages that import dozens of modules at start-up
(certifi, tempfile, typing...), and what a program sees of start-up state (gc counts, free lists,
type version tags) must be what a user of a plain CPython 3.11 sees, as refheap's start-up is.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TIMEOUT = 120

# Runs inside the child. Kept small and import-free (traceback is imported only when needed)
# so that the child's heap resembles a plain interpreter's.
CHILD = r"""
import sys, os
path = sys.argv[1]
shutdown = sys.argv[2] == "shutdown"
# Read as bytes, as `python3 PATH` reads a script (its tokenizer, no io.TextIOWrapper): a text read
# would call the utf-8 decoder's Python decode() once more than `python3 PATH` does, and how many
# times a process has called it decides what CPython's unraisable hook allocates (UnraisableHook).
with open(path, "rb") as f:
    code = compile(f.read(), path, "exec")
# As `refheap run PATH` (and `python3 PATH`): sys.argv is [PATH], sys.path[0] the program's directory.
sys.argv[:] = [path]
sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
def leave(rc):
    sys.stdout.flush()
    sys.stderr.flush()
    if shutdown:
        sys.stdout.write("\x00END\x00\n")
        sys.stdout.flush()
        sys.exit(rc)
    os._exit(rc)
# The program's namespace is the __main__ `python3 PATH` gives a script: a new module (PyModule_New:
# __name__, __doc__, __package__, __loader__, __spec__), start-up's __annotations__ and __builtins__
# (the module), then __file__ (PATH as given, the name the code is compiled under), __cached__ and a
# SourceFileLoader, in CPython's order; it replaces this runner's own __main__ in sys.modules.
main = type(sys)("__main__")
main.__annotations__ = {}
main.__builtins__ = sys.modules["builtins"]
main.__file__ = path
main.__cached__ = None
main.__loader__ = sys.modules["_frozen_importlib_external"].SourceFileLoader("__main__", path)
sys.modules["__main__"] = main
main = main.__dict__
# pymain_get_importer: `python3 PATH` looks the script's absolute path up as a path entry (a directory
# or zip archive would run its __main__), which leaves None for it in sys.path_importer_cache.
sys.path_importer_cache.setdefault(os.path.join(os.getcwd(), path), None)
try:
    exec(code, main)
except BaseException as e:
    # Print the traceback as `python3 FILE.py` does (without this runner's frame) and stop at
    # once, still holding the exception: nothing the traceback keeps alive is finalized.
    import traceback
    traceback.print_exception(type(e), e, e.__traceback__.tb_next)
    leave(1)
leave(0)
"""

# Addresses in reprs such as '<function A.__del__ at 0x7f3a...>' differ from run to run.
ADDRESS = re.compile(r"\b0x[0-9a-f]{6,}\b")
ENV_LINE = re.compile(r"^#\s*env-line:\s*(\d+)\b")


def normalise_err(text):
    return ADDRESS.sub("0xADDR", text)


def env_lines(source):
    """1-based stdout line numbers declared environment-dependent in the leading comment block."""
    lines = set()
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        m = ENV_LINE.match(line)
        if m:
            lines.add(int(m.group(1)))
    return lines


OPTIONS = re.compile(r"^#\s*options:\s*(.*)$")


def program_options(source):
    """refheap options from the leading comment block's "# options: ..." line (e.g. --startup=cpython).
    CPython always starts as CPython, so the oracle ignores them; a --runner gets them before the path."""
    opts = []
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        m = OPTIONS.match(line)
        if m:
            opts += m.group(1).split()
    return opts


RUNNER = None  # --runner: a command (list) that runs a program instead of CPython, e.g. ./refheap run
ORACLE = None  # the clean CPython 3.11 interpreter the programs run on (oracle_python())


def oracle_python():
    """The clean CPython 3.11 to run programs on: $REFHEAP_ORACLE_PYTHON, or a venv without system
    site-packages made from this interpreter (once) at $REFHEAP_ORACLE_VENV or ~/.cache/refheap/venv311."""
    named = os.environ.get("REFHEAP_ORACLE_PYTHON")
    if named:
        return named
    venv = Path(os.environ.get("REFHEAP_ORACLE_VENV") or Path.home() / ".cache" / "refheap" / "venv311")
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"generate.py: making the clean oracle interpreter: {sys.executable} -m venv --without-pip {venv}",
              file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    probe = subprocess.run([str(python), "-I", "-c", "import sys; print(sys.version_info[:2] == (3, 11), sys.prefix != sys.base_prefix)"],
                           capture_output=True, text=True)
    if probe.stdout.split() != ["True", "True"]:
        sys.exit(f"generate.py: {python} is not a CPython 3.11 venv (remove {venv} to have it made again)")
    return str(python)


def default_signals():
    """In the child: SIGHUP, SIGINT and SIGTERM at their defaults, as a foreground shell gives them
    (generate.py run as a background job or under nohup would otherwise pass them on ignored)."""
    import signal
    for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(s, signal.SIG_DFL)


ORACLE_AS = re.compile(r"^#\s*oracle:\s*script\s*$")


def runs_as_script(source):
    """Whether the leading comment block says "# oracle: script": the oracle runs the program as
    `python -E -s PATH` (CPython's own start-up and __main__, nothing of this runner's), for programs
    that print the state a start-up leaves at the first line (startup/: gc counts, gc.get_objects())."""
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        if ORACLE_AS.match(line):
            return True
    return False


def run(program, mode="normal"):
    """Run one program; return (stdout, normalised stderr, exit status)."""
    rel = program.relative_to(ROOT).as_posix()
    source = program.read_text(encoding="utf-8")
    opts = program_options(source) if RUNNER else []
    if RUNNER:
        cmd = RUNNER + opts + [rel]
    elif runs_as_script(source) and mode == "normal":
        cmd = [ORACLE, "-E", "-s", rel]
    else:
        cmd = [ORACLE, "-I", "-c", CHILD, rel, mode]
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=TIMEOUT, preexec_fn=default_signals)
    except subprocess.TimeoutExpired:
        return "", f"timeout after {TIMEOUT}s\n", -1
    return (p.stdout.decode("utf-8", "replace"), normalise_err(p.stderr.decode("utf-8", "replace")),
            p.returncode)


def expected_files(program):
    return program.with_suffix(".out"), program.with_suffix(".err"), program.with_suffix(".exit")


def write_if_changed(path, text):
    if text is None:
        if path.exists():
            path.unlink()
            return True
        return False
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def generate(program):
    out, err, rc = run(program)
    out_f, err_f, exit_f = expected_files(program)
    if out_f.exists():
        old = out_f.read_text(encoding="utf-8")
        if not compare_out(old, out, env_lines(program.read_text(encoding="utf-8"))):
            out = old  # only env-lines differ: keep the stored file so regeneration is idempotent
    changed = write_if_changed(out_f, out)
    changed |= write_if_changed(err_f, err or None)
    changed |= write_if_changed(exit_f, f"{rc}\n" if rc else None)
    return changed, rc


def compare_out(expected, actual, skip):
    """Differences between two stdouts, ignoring the declared env-lines (1-based)."""
    e, a = expected.splitlines(), actual.splitlines()
    diffs = []
    if len(e) != len(a):
        diffs.append(f"line count {len(e)} != {len(a)}")
    for i, (x, y) in enumerate(zip(e, a), 1):
        if i not in skip and x != y:
            diffs.append(f"line {i}: expected {x!r}, got {y!r}")
    return diffs


def check(program):
    out_f, err_f, exit_f = expected_files(program)
    if not out_f.exists():
        return ["no .out (run the generator first)"]
    out, err, rc = run(program)
    diffs = compare_out(out_f.read_text(encoding="utf-8"), out,
                        env_lines(program.read_text(encoding="utf-8")))
    exp_err = err_f.read_text(encoding="utf-8") if err_f.exists() else ""
    if exp_err != err:
        diffs.append(f"stderr differs: expected {exp_err!r}, got {err!r}")
    exp_rc = int(exit_f.read_text()) if exit_f.exists() else 0
    if exp_rc != rc:
        diffs.append(f"exit status {exp_rc} != {rc}")
    return diffs


def audit_shutdown(program):
    out, err, rc = run(program, "shutdown")
    marker = "\x00END\x00\n"
    tail = out.split(marker, 1)[1] if marker in out else "(no end marker)"
    stderr_tail = ""
    normal_err = run(program)[1]
    if err != normal_err:
        stderr_tail = err[len(normal_err):] if err.startswith(normal_err) else err
    problems = []
    if tail:
        problems.append(f"stdout at shutdown: {tail!r}")
    if stderr_tail:
        problems.append(f"stderr at shutdown: {stderr_tail!r}")
    return problems


def programs(paths):
    if not paths:
        paths = [HERE]
    found = []
    for p in paths:
        p = Path(p).resolve()
        if p.is_dir():
            # programs are <category>/<name>.py; deeper files are the modules programs import
            found += sorted(q for q in p.rglob("*.py") if q.parent != HERE and q.parent.parent == HERE)
        elif p.suffix == ".py" and p.exists():
            found.append(p)
        else:
            sys.exit(f"not a program or directory: {p}")
    return found


def remove_orphans():
    for f in sorted(HERE.rglob("*")):
        if f.suffix in (".out", ".err", ".exit") and f.parent.parent == HERE and not f.with_suffix(".py").exists():
            f.unlink()
            print(f"removed orphan {f.relative_to(ROOT)}")


def main():
    global RUNNER, ORACLE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="programs or category directories (default: all)")
    ap.add_argument("--check", action="store_true", help="compare with the stored outputs, write nothing")
    ap.add_argument("--audit-shutdown", action="store_true",
                    help="report programs that print during a normal interpreter shutdown")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runner", metavar="CMD",
                    help="check another implementation: run 'CMD PROGRAM' from the repository root "
                         "(e.g. --runner './refheap run') and compare with the stored outputs")
    args = ap.parse_args()
    if args.runner:
        RUNNER = shlex.split(args.runner)
        args.check = True
    elif sys.version_info[:2] != (3, 11):
        sys.exit(f"generate.py must run on CPython 3.11 (the oracle), not {sys.version.split()[0]}")
    else:
        ORACLE = oracle_python()
    progs = programs(args.paths)
    work = check if args.check else audit_shutdown if args.audit_shutdown else generate
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(work, progs))
    bad = 0
    for prog, res in zip(progs, results):
        name = prog.relative_to(ROOT).as_posix()
        if work is generate:
            changed, rc = res
            if changed:
                print(f"updated {name}" + (f" (exit {rc})" if rc else ""))
        elif res:
            bad += 1
            print(f"{name}:")
            for d in res:
                print(f"    {d}")
    if work is generate and not args.paths:
        remove_orphans()
    print(f"{len(progs)} programs, {bad} with differences" if work is not generate
          else f"{len(progs)} programs generated")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
