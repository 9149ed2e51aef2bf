import time
time.sleep(0.1)
from threadimp import cycb
a_done = True
