# imported by several threads at once: its body waits half-way, so the others find it initialising
import time
x = 1
time.sleep(0.2)
y = 2
