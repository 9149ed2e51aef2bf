# Where a Python-to-Python call's time goes, from a JFR recording of bench/interp/one_loop.py:
# each execution sample under the program's module frame goes to the innermost method of the call
# path it is in (its inlined helpers included), the methods grouped into the call's phases.
#   JAVA_TOOL_OPTIONS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
#     -XX:StartFlightRecording=filename=calls.jfr,jdk.ExecutionSample#period=1ms" \
#     ./refheap run bench/interp/one_loop.py calls 40
#   python3 bench/interp/call_phases.py calls.jfr      (needs the JDK's jfr on PATH: source scripts/jdk.sh)
import collections
import json
import subprocess
import sys

PHASES = {
    "set-up": "call enterCall enterSimple enterFunction callCompiled functionFrame bindArguments create enter code precall nestedCallee",
    "between frames": "run runFrames runFrame callNested resumeNested runNow",
    "leave": "leaveInline finishFrame releaseFinished releaseFrame clearFrameSlots recycle releaseCallOperands nestedReturned",
    "LOAD_GLOBAL": "loadGlobal loadGlobalOp",
    "FOR_ITER": "forIter",
    "class call": "callPlainClass newInstance callFunction execute",
    "other instructions": "popReturn binaryOpOp buildTuple unpackSequence isOp compareOp popIsNone loadAttrOp storeAttrOp",
}
OWNERS = ("Interpreter", "Frame", "CodeType", "Specializer")
phase_of = {m: p for p, ms in PHASES.items() for m in ms.split()}

out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
by_method, n = collections.Counter(), 0
for e in json.loads(out)["recording"]["events"]:
    frames = e["values"]["stackTrace"]["frames"]
    if not any(x["method"]["name"] == "runModule" for x in frames):
        continue
    n += 1
    key = "?"
    for x in frames:
        m = x["method"]
        owner = m["type"]["name"].split("/")[-1]
        if "PyCode" in m["type"]["name"]:
            key = "compiled code (the loop's and inlined callees')"
            break
        if owner in OWNERS and m["name"] in phase_of:
            key = owner + "." + m["name"]
            break
    by_method[key] += 1
by_phase = collections.Counter()
for k, v in by_method.items():
    by_phase[phase_of.get(k.split(".")[-1], k)] += v
print(f"{n} samples under the module's frame")
for k, v in by_phase.most_common():
    print(f"{100 * v / n:5.1f}%  {k}")
print("by method:")
for k, v in by_method.most_common(25):
    print(f"{100 * v / n:5.1f}%  {k}")
