# Before the image: time imported twice (each import makes its own struct_time and calendar functions).
import sys, time
first = time
epoch = time.gmtime(0)
del sys.modules['time']
import time
second = time
later = time.gmtime(86400 * 365)
