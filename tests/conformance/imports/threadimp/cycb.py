import time
time.sleep(0.1)
from threadimp import cyca
b_done = True
