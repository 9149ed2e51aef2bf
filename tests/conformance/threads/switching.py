# The interpreter lock changes hands without any blocking call: a thread spinning on a flag another
# thread sets only makes progress because the spinning one gives the lock up at its switch
# interval (3.11's eval breaker at backward jumps and calls).
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print('ValueError', e)
try:
    sys.setswitchinterval('x')
except TypeError as e:
    print('TypeError', e)

flags = {'started': False, 'stop': False}
spins = [0]


def spinner():
    flags['started'] = True
    while not flags['stop']:
        spins[0] += 1


t = threading.Thread(target=spinner)
t.start()
while not flags['started']:
    pass
n = 0
while spins[0] < 1000:
    n += 1
flags['stop'] = True
t.join()
print('both ran', spins[0] >= 1000)


def f(x):
    return x


ping = {'turn': 0}


def player(me, other, rounds, log):
    for _ in range(rounds):
        while ping['turn'] != me:
            f(0)
        log.append(me)
        ping['turn'] = other


log = []
a = threading.Thread(target=player, args=(0, 1, 5, log))
b = threading.Thread(target=player, args=(1, 0, 5, log))
a.start()
b.start()
a.join()
b.join()
print(log)
sys.setswitchinterval(0.005)
