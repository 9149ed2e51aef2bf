#!/usr/bin/env python3
"""Which classes keep the start-up cache's trained compiles from being used, in one run:

    java <the launcher's flags> -XX:+UnlockDiagnosticVMOptions -XX:+AOTPrintTrainingInfo \
        -XX:+PrintTieredEvents -Xlog:class+init=info:file=INIT.txt \
        -jar target/refheap.jar run PROGRAM.py > EVENTS.txt
    python3 bench/aot_deps.py EVENTS.txt INIT.txt [N]

The AOT cache holds, for each method the training compiled, the classes its last C2 compile of
the training found initialised and depended on (AOTPrintTrainingInfo prints them: `C name#id L4
udeps=K dep:CLASS...`). The JVM follows the training's levels for a method (the interpreter, then
C1 without profiling, then C2 at once with the training's profile) only once every one of those
classes is initialised in this run; until then the method takes the ordinary thresholds. Each
tiered event prints how many of the method's classes are still missing (`deps=N`).

Prints how many methods the last events showed ready (deps=0) and waiting, and the classes the
waiting ones depend on that this run never initialised, by the number of methods they hold back
(N of them, default 15). A class counts as initialised when the class+init log shows it, or when
it is among the dependencies of a method shown ready; the JVM's own early classes and the
classes the cache stores initialised appear in neither, so a class listed may still be one of
those (test it: initialise it before the program, see docs/performance.md, Session 21).
"""
import collections
import re
import sys

TRAINED = re.compile(r"^  C (\S+)#(\d+)L(\d) ")
EVENT = re.compile(r"^[0-9.]+: \[\w[\w-]* level=\d \[([^ \]]+)\].*deps=(\w+)\]$")


def plain(name):
    """A method or class as the training's listing spells it, in the events' spelling."""
    return re.sub(r"\[L\]|I$", "", name.replace("[L]", ""))


def main():
    events, init_log = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    last_compile = {}  # method -> (compile id, its dependencies)
    deps_now = {}  # method -> the last event's deps= value
    for line in open(events, errors="replace"):
        m = TRAINED.match(line)
        if m:
            if m.group(3) == "4":
                method = plain(m.group(1)).replace("/", ".")
                deps = [re.sub(r"(\[L\])?I?$", "", d) for d in re.findall(r"dep:(\S+)", line)]
                if method not in last_compile or last_compile[method][0] < int(m.group(2)):
                    last_compile[method] = (int(m.group(2)), deps)
            continue
        m = EVENT.match(line.strip())
        if m:
            deps_now[m.group(1)] = m.group(2)
    initialised = set()
    for line in open(init_log, errors="replace"):
        m = re.search(r"Initializing '([^']+)'", line)
        if m:
            initialised.add(m.group(1))
    for method, value in deps_now.items():
        if value == "0" and method in last_compile:
            initialised.update(last_compile[method][1])
    counts = collections.Counter(v if v in ("0", "null") else ">0" for v in deps_now.values())
    waiting = [m for m, v in deps_now.items() if v not in ("0", "null")]
    print(f"methods with tiered events: {len(deps_now)}; no trained C2 compile: {counts['null']}, "
          f"ready (deps=0): {counts['0']}, waiting (deps>0): {counts['>0']}")
    mine = [m for m in waiting if m.startswith("dev.refheap")]
    print(f"  of the waiting, refheap's own: {len(mine)}")
    blockers = collections.Counter()
    for method in waiting:
        for dep in (last_compile.get(method, (0, []))[1]):
            if dep not in initialised:
                blockers[dep] += 1
    print("classes the waiting methods depend on that this run did not initialise (methods held):")
    for dep, count in blockers.most_common(n):
        print(f"  {count:5d}  {dep}")


if __name__ == "__main__":
    main()
