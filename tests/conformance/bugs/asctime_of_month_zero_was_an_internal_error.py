# time.asctime checks its tuple as strftime does (checktm): a month, day or yday of 0 is taken
# as the lowest valid value, others out of range raise ValueError; a month of 0 indexed the month
# names at -1 (an internal error stopped test_time's TestAsctime4dyear).
import time
for t in [(12345,) + (0,) * 8, (123456789,) + (0,) * 8, (-1234,) + (0,) * 8, (2020, 0, 0, 0, 0, 0, 0, 0, 0),
          (2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0),
          (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, 7, 1, 0),
          (2020, 1, 1, 0, 0, 0, -1, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0)]:
    for f in (lambda: time.asctime(t), lambda: time.strftime('%Y %a %b %d %j', t)):
        try:
            print(repr(f()))
        except ValueError as e:
            print('ValueError', e)
