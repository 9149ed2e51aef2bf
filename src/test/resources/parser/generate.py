#!/usr/bin/env python3
"""Regenerates the golden files for refheap's parser tests; run with CPython 3.11.

corpus/NAME.py  -> corpus/NAME.ast : ast.dump(ast.parse(source)) (default arguments)
                -> corpus/NAME.pos : the same with include_attributes=True (node positions)
errors/NAME.py  -> errors/NAME.err : what `python3 NAME.py` prints to stderr (run in errors/,
                                     with the directory stripped from the file name)

Error sources are checked with compile() first, so a file that is valid by mistake is reported
and never executed.
"""
import ast
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def corpus():
    for py in sorted((HERE / "corpus").glob("*.py")):
        tree = ast.parse(py.read_bytes(), filename=py.name)
        py.with_suffix(".ast").write_text(ast.dump(tree) + "\n", encoding="utf-8")
        py.with_suffix(".pos").write_text(ast.dump(tree, include_attributes=True) + "\n", encoding="utf-8")


def errors():
    ok = True
    for py in sorted((HERE / "errors").glob("*.py")):
        try:
            compile(py.read_bytes(), py.name, "exec")
        except SyntaxError:
            pass
        else:
            print(f"{py.name}: compiles without error; not running it", file=sys.stderr)
            ok = False
            continue
        res = subprocess.run([sys.executable, py.name], cwd=py.parent, capture_output=True)
        # CPython 3.11 reports the script by its absolute path; the tests use the bare file name.
        err = res.stderr.replace((str(py.parent) + "/").encode(), b"")
        py.with_suffix(".err").write_bytes(err)
    return ok


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 11):
        sys.exit("generate.py needs CPython 3.11")
    corpus()
    sys.exit(0 if errors() else 1)
