# tracemalloc's cost: the same allocation-heavy work without tracing ("off") and with every block
# traced from the start ("on": _tracemalloc.start(), what tracemalloc.start() calls), run as
# `python3 bench/tracemalloc_cost.py on|off` and `./refheap run bench/tracemalloc_cost.py on|off`.
# Prints the number of objects made and, when tracing, the traced peak in KiB.
import sys
import _tracemalloc

tracing = sys.argv[1:] == ['on']
if tracing:
    _tracemalloc.start()


def work(rounds, n):
    made = 0
    for r in range(rounds):
        rows = [{'id': i, 'pair': [i, i + 1], 'name': str(i)} for i in range(n)]
        words = [str(i) * 3 for i in range(n)]
        made += len(rows) + len(words)
        del rows, words
    return made


print(work(20, 20000))
if tracing:
    print(_tracemalloc.get_traced_memory()[1] // 1024 > 1000)
