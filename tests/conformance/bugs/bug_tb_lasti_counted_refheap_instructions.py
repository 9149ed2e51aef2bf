# Bug: tb_lasti, f_lasti and code.co_positions() counted refheap's instructions (no CACHE, PRECALL,
# RESUME units), so tb_lasti was 2 * an instruction index and co_positions() had one entry per
# refheap instruction. They are 3.11's byte offsets and one entry per code unit now.
import sys


def f(d):
    x = d.get("k")
    return x[1]


try:
    f({"k": None})
except TypeError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lasti, sys.getsizeof(tb))
    positions = list(f.__code__.co_positions())
    print(len(positions), len(f.__code__.co_code) // 2)
    print(positions[tb.tb_lasti // 2])
print(f.__code__.co_code[:2], list(f.__code__.co_lines())[:3])
