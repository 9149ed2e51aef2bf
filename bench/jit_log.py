#!/usr/bin/env python3
"""What C2 compiled in one run, from a JVM compilation log:

    java <the launcher's flags> -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation \
        -XX:LogFile=X.log -jar target/refheap.jar run PROGRAM.py
    python3 bench/jit_log.py X.log [N]

Prints the C2 compile tasks (on-stack replacements among them) and their summed duration (a
compiler thread's wall time: inflated on a loaded machine, read it as shares), the bytecode C2
parsed (each inlined method counts its size at every site it is inlined into) and the share of it
inside refheap's native-memory accessors (memory.Native's get*/put* and the java.lang.foreign
chain they inline), the methods compiled both by on-stack replacement and as methods, the N
costliest tasks, the N compile roots that parsed the most, and the compile time by the compiled
method's owner (refheap's classes by package, the collector's class on its own; the JDK's by
module-like prefix), which says whose code the compiler threads spend their time on.
"""
import collections
import re
import sys

ATTRS = re.compile(r"(\w+)='([^']*)'")


def attrs(line):
    return dict(ATTRS.findall(line))


def main():
    log = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    klasses, methods = {}, {}
    tasks = []  # (method, osr, start, duration, parsed bytes, accessor bytes)
    cur = None
    stack = []
    sites = collections.Counter()
    for line in open(log, errors="replace"):
        s = line.strip()
        if s.startswith("<klass "):
            a = attrs(s)
            klasses[a["id"]] = a.get("name", "?")
        elif s.startswith("<method "):
            a = attrs(s)
            methods[a["id"]] = (klasses.get(a.get("holder"), "?"), a.get("name", "?"), int(a.get("bytes", 0)))
        elif s.startswith("<task "):
            a = attrs(s)
            # C2's tasks carry no level attribute (C1's say 1, 2 or 3)
            cur = [a["method"], "osr_bci" in a, float(a["stamp"]), 0.0, 0, 0] if a.get("level", "4") == "4" else None
            stack = []
        elif cur is not None and s.startswith("<parse "):
            holder, name, size = methods.get(attrs(s)["method"], ("?", "?", 0))
            inside = bool(stack) and stack[-1]
            accessor = inside or (holder == "dev.refheap.memory.Native" and name[:3] in ("get", "put"))
            if accessor and not inside:
                sites[name] += 1
            stack.append(accessor)
            cur[4] += size
            if accessor:
                cur[5] += size
        elif cur is not None and s.startswith("</parse>"):
            if stack:
                stack.pop()
        elif cur is not None and s.startswith("<task_done"):
            cur[3] = float(attrs(s)["stamp"]) - cur[2]
            tasks.append(cur)
            cur = None
    total = sum(t[3] for t in tasks)
    parsed = sum(t[4] for t in tasks)
    acc = sum(t[5] for t in tasks)
    osr = [t for t in tasks if t[1]]
    print(f"C2 tasks {len(tasks)} ({len(osr)} on-stack replacements), {total:.2f} s of compiler-thread time "
          f"({sum(t[3] for t in osr):.2f} s in on-stack replacements)")
    print(f"parsed bytecode {parsed} bytes, {acc} ({100 * acc / max(parsed, 1):.1f}%) in native-memory accessors "
          f"at {sum(sites.values())} sites {dict(sites.most_common())}")
    kinds = collections.defaultdict(list)
    for t in tasks:
        kinds[t[0]].append(t)
    both = {m: ts for m, ts in kinds.items() if len({t[1] for t in ts}) == 2}
    print(f"compiled both by on-stack replacement and as a method: {len(both)} methods, "
          f"{sum(t[3] for ts in both.values() for t in ts):.2f} s")
    for m, ts in sorted(both.items(), key=lambda kv: -sum(t[3] for t in kv[1]))[:n]:
        print(f"  {sum(t[3] for t in ts) * 1000:6.0f} ms  {m}")
    print(f"costliest tasks:")
    for t in sorted(tasks, key=lambda t: -t[3])[:n]:
        print(f"  {t[3] * 1000:6.0f} ms {'OSR' if t[1] else '   '} at {t[2]:.2f} s, {t[4]:6d} bytes parsed  {t[0]}")
    print(f"most bytecode parsed (bytes, in accessors):")
    for t in sorted(tasks, key=lambda t: -t[4])[:n]:
        print(f"  {t[4]:7d} {t[5]:7d} {'OSR' if t[1] else '   '} {t[0]}")
    owners = collections.defaultdict(lambda: [0.0, 0, 0])
    for t in tasks:
        o = owners[owner(t[0])]
        o[0] += t[3]
        o[1] += 1
        o[2] += t[4]
    print("compile time by owner (share of the tasks' time, tasks, bytes parsed):")
    for k, (d, count, size) in sorted(owners.items(), key=lambda kv: -kv[1][0]):
        print(f"  {100 * d / max(total, 1e-9):5.1f}% {count:4d} {size:8d}  {k}")


def owner(method):
    """The group a compiled method counts under: dev.refheap.PACKAGE (the collector's class and
    its visitors apart, as dev.refheap.gc.CycleCollector), else the first two parts of the name."""
    cls = method.split()[0].split("$")[0]
    parts = cls.split(".")
    if parts[:2] == ["dev", "refheap"]:
        return cls if cls == "dev.refheap.gc.CycleCollector" else ".".join(parts[:3])
    return ".".join(parts[:2])


if __name__ == "__main__":
    main()
