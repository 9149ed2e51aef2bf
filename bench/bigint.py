"""Big-integer work, timed inside the process, the same code on python3 and on refheap.

    python3 bench/bigint.py [-n REPEATS] [NAME...]      # also: ./refheap bench/bigint.py ...
    python3 bench/bigint.py --ab [-n PAIRS] [--refheap './refheap' ...] [NAME...]

Each case runs REPEATS times (default 3) after one untimed run and prints its best time
(time.perf_counter() around the operation alone). With --ab the script starts fresh processes of
python3 and refheap alternately (python3, refheap, python3, refheap...) for PAIRS rounds, each
printing its bests, and prints each case's medians and the median of the per-round ratios
refheap/python3 (a loaded machine moves both runs of a round alike); --refheap (a command line,
split as the shell would) given more than once compares several builds, each against python3. The results are checked
against fixed digests so both sides compute the same integers.
"""
import math
import sys
import time

sys.set_int_max_str_digits(0)

M = 10 ** 1000 + 453  # an odd modulus of 1001 digits
A = 3 ** 200000 + 12345
B = 7 ** 150000 + 678910


def small_loop():
    # medium ints (2-4 digits of 30 bits), the kind _pydecimal makes: many operations, small operands
    x, acc = 10 ** 20 + 7, 0
    for i in range(200000):
        acc = (acc + x * i) % 1000000000000000000000000000057
    return acc


CASES = {
    'factorial': lambda: math.factorial(20000),
    'comb': lambda: math.comb(100000, 30000),
    'str': lambda: str(3 ** 100000),
    'int_from_str': lambda: int('7' * 100000),
    'pow_then_mod': lambda: 7 ** 123457 % M,
    'pow3': lambda: pow(7, 10 ** 5000, M),
    'mul': lambda: A * B,
    'divmod': lambda: divmod(A * B, A + 1),
    'small_loop': small_loop,
}


def digest(v):
    if isinstance(v, tuple):
        return tuple(digest(x) for x in v)
    if isinstance(v, str):
        return (len(v), v[:12], v[-12:])
    return (v.bit_length(), v % 1000000007)


def run(names, repeats):
    for name in names:
        f = CASES[name]
        d = digest(f())
        best = float('inf')
        for _ in range(repeats):
            t = time.perf_counter()
            f()
            best = min(best, time.perf_counter() - t)
        print('%s %.6f %s' % (name, best, d), flush=True)


def ab(names, pairs, repeats, refheaps):
    import shlex
    import statistics
    import subprocess
    sides = {'python3': [sys.executable]}
    for i, r in enumerate(refheaps):
        sides['refheap' if len(refheaps) == 1 else 'refheap %d' % (i + 1)] = shlex.split(r)
    times = {s: {n: [] for n in names} for s in sides}
    digests = {}
    for _ in range(pairs):
        for side, cmd in sides.items():
            out = subprocess.run(cmd + [__file__, '-n', str(repeats)] + names, capture_output=True, text=True,
                                 check=True).stdout
            for line in out.splitlines():
                name, t, d = line.split(' ', 2)
                times[side][name].append(float(t))
                if digests.setdefault(name, d) != d:
                    raise SystemExit('%s: %s computed %s, the other side %s' % (name, side, d, digests[name]))
    others = [s for s in sides if s != 'python3']
    print('| case | python3 | ' + ' | '.join('%s | ratio (median of pairs, spread)' % s for s in others) + ' |')
    print('|---|---|' + '---|---|' * len(others))
    for n in names:
        p = times['python3'][n]
        cells = ['%.4f s' % statistics.median(p)]
        for s in others:
            r = times[s][n]
            ratios = sorted(b / a for a, b in zip(p, r))
            cells.append('%.4f s' % statistics.median(r))
            cells.append('%.2fx (%.2f-%.2f)' % (statistics.median(ratios), ratios[0], ratios[-1]))
        print('| %s | %s |' % (n, ' | '.join(cells)))


def main():
    args = sys.argv[1:]
    repeats, pairs, refheaps, mode = 3, 5, [], 'run'
    names = []
    while args:
        a = args.pop(0)
        if a == '-n':
            repeats = pairs = int(args.pop(0))
        elif a == '--ab':
            mode = 'ab'
        elif a == '--refheap':
            refheaps.append(args.pop(0))
        else:
            names.append(a)
    names = names or list(CASES)
    if mode == 'ab':
        ab(names, pairs, 3, refheaps or ['./refheap'])
    else:
        run(names, repeats)


main()
