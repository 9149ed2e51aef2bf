# Powers whose result is past a million bits are built by squaring with interrupt checks between
# steps (so a trace's time limit can end 10**10**8); the results must be BigInteger.pow's exactly.
for base, exp in [(3, 700000), (-7, 400001), (-7, 400000), (10, 350000), (2**64 + 5, 20000), (12, 300001),
                  (-(2**70), 16000), (6, 500000), (1, 10**7), (-1, 10**7 + 1), (0, 10**7), (2, 2000000)]:
    r = base ** exp
    print(base if abs(base) < 10**6 else "big", exp, r.bit_length(), r % 1000000007, r < 0)
