# finally runs on normal exit, on return, on break, and while an exception propagates.
def f(mode):
    for i in range(3):
        try:
            if mode == 'return':
                return 'returned'
            if mode == 'break':
                break
            if mode == 'raise':
                raise ValueError(mode)
        finally:
            print('finally', mode)
    return 'end of ' + mode
for m in ['return', 'break', 'normal']:
    print(f(m))
try:
    f('raise')
except ValueError as e:
    print('caught', e)
