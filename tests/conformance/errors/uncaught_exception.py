# An uncaught exception ends the program: traceback on stderr, exit status 1; earlier output is kept.
def inner(d):
    return d['missing']
def outer():
    return inner({'present': 1})
print('before')
outer()
print('never printed')
