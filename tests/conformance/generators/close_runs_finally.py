# Deleting a suspended generator closes it: its finally block runs at that moment.
def gen():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('finally in generator')
g = gen()
print(next(g))
print('dropping')
g = None
print('dropped')
g2 = gen()
print('never started')
g2 = None
print('dropped unstarted')
