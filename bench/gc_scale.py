#!/usr/bin/env python3
"""Collection time per object from 10^5 to 2x10^7 objects, python3 next to refheap; writes the data and an SVG.

For each size, a fresh process of each side builds size/2 two-dict cycles of garbage with automatic
collection off and times its ONE gc.collect() inside the program (bench/gc_pause.py cycles: wall
time with time.perf_counter(), and the thread's CPU time with time.thread_time()). Python3 and
refheap alternate; each point is the median of the runs (--runs for sizes up to 10^6, one run above:
the biggest graphs take gigabytes and tens of seconds to build).

    python3 bench/gc_scale.py                       # measure, write bench/data/gc_scale.json, draw
    python3 bench/gc_scale.py --plot-only           # redraw docs/img/gc-scale.svg from the data
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data" / "gc_scale.json"
SVG = ROOT / "docs" / "img" / "gc-scale.svg"
SIZES = [100_000, 300_000, 1_000_000, 3_000_000, 10_000_000, 20_000_000]


def one(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800).stdout
    m = re.search(r"^timing cycles (\S+) cpu (\S+)", out, re.M)
    if not m:
        sys.exit(f"{' '.join(cmd)}: no timing line in {out[:200]!r}")
    return float(m.group(1)), float(m.group(2))


def measure(args):
    points = []
    for size in SIZES:
        runs = args.runs if size <= 1_000_000 else 1
        got = {"python3": [], "refheap": []}
        for _ in range(runs):
            got["python3"].append(one([args.python, "bench/gc_pause.py", "cycles", str(size // 2)]))
            got["refheap"].append(one([args.refheap, "run", "bench/gc_pause.py", "cycles", str(size // 2)]))
        point = {"objects": size, "runs": runs}
        for side, vals in got.items():
            point[side] = {"wall": statistics.median(v[0] for v in vals), "cpu": statistics.median(v[1] for v in vals)}
        points.append(point)
        print(f"{size:>10} objects: python3 {point['python3']['wall']:.3f} s, refheap {point['refheap']['wall']:.3f} s",
              file=sys.stderr)
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps({
        "what": "one gc.collect() of size/2 two-dict cycles (all garbage), first collection of a fresh process",
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": os.getloadavg()[0], "cores": os.cpu_count(), "points": points}, indent=1) + "\n")


def draw():
    data = json.loads(DATA.read_text())
    pts = data["points"]
    W, H, L, R, T, B = 640, 400, 70, 170, 40, 50
    import math
    xs = [math.log10(p["objects"]) for p in pts]
    x0, x1 = math.floor(min(xs)), math.log10(2 * 10 ** 7) + 0.05
    series = [("python3", "wall", "#c0392b", ""), ("refheap", "wall", "#2471a3", ""),
              ("python3", "cpu", "#c0392b", "5,4"), ("refheap", "cpu", "#2471a3", "5,4")]
    ns = lambda p, side, kind: p[side][kind] / p["objects"] * 1e9
    ymax = max(ns(p, s, k) for p in pts for s, k, _, _ in series)
    ymin = min(ns(p, s, k) for p in pts for s, k, _, _ in series)
    y0, y1 = math.floor(math.log10(ymin)), math.ceil(math.log10(ymax))  # log scale, whole decades
    X = lambda v: L + (v - x0) / (x1 - x0) * (W - L - R)
    Y = lambda v: T + (1 - (math.log10(v) - y0) / (y1 - y0)) * (H - T - B)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{L}" y="22" font-size="14">One gc.collect() of cyclic garbage (two-dict cycles), per object</text>']
    for e in range(x0, 8):
        for m in (1, 2, 5):
            v = math.log10(m * 10 ** e)
            if v > x1:
                continue
            out.append(f'<line x1="{X(v):.1f}" y1="{T}" x2="{X(v):.1f}" y2="{H - B}" stroke="#eee"/>')
            label = f"10^{e}" if m == 1 else f"{m}x10^{e}"
            out.append(f'<text x="{X(v):.1f}" y="{H - B + 16}" text-anchor="middle">{label}</text>')
    for e in range(y0, y1 + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if math.log10(v) > y1:
                continue
            out.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{W - R}" y2="{Y(v):.1f}" stroke="#eee"/>')
            out.append(f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    out.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">objects in the collection (log scale)</text>')
    out.append(f'<text x="16" y="{(T + H - B) / 2}" transform="rotate(-90 16 {(T + H - B) / 2})" '
               f'text-anchor="middle">ns per object (log scale)</text>')
    out.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#888"/>')
    for i, (side, kind, color, dash) in enumerate(series):
        coords = " ".join(f"{X(math.log10(p['objects'])):.1f},{Y(ns(p, side, kind)):.1f}" for p in pts)
        d = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"{d}/>')
        for p in pts:
            out.append(f'<circle cx="{X(math.log10(p["objects"])):.1f}" cy="{Y(ns(p, side, kind)):.1f}" r="3" fill="{color}"/>')
        ly = T + 20 + 20 * i
        out.append(f'<line x1="{W - R + 12}" y1="{ly}" x2="{W - R + 40}" y2="{ly}" stroke="{color}" stroke-width="2"{d}/>')
        out.append(f'<text x="{W - R + 46}" y="{ly + 4}">{side}, {"wall" if kind == "wall" else "thread CPU"}</text>')
    out.append(f'<text x="{W - R + 12}" y="{T + 110}" font-size="10">measured {data["measured"]}</text>')
    out.append(f'<text x="{W - R + 12}" y="{T + 124}" font-size="10">load {data["load_average"]:.1f}, '
               f'{data["cores"]} cores</text>')
    out.append("</svg>")
    SVG.parent.mkdir(parents=True, exist_ok=True)
    SVG.write_text("\n".join(out) + "\n")
    print(f"wrote {SVG.relative_to(ROOT)}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per side for sizes up to 10^6 (default 3)")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--refheap", default=str(ROOT / "refheap"))
    ap.add_argument("--plot-only", action="store_true", help="redraw the SVG from bench/data/gc_scale.json")
    args = ap.parse_args()
    if not args.plot_only:
        measure(args)
    draw()


if __name__ == "__main__":
    main()
