# A function can delete a module global declared global; reading it afterwards is a NameError.
g = [1, 2]
def drop():
    global g
    del g
drop()
print('g' in globals())
def read():
    return g
try:
    read()
except NameError as e:
    print(type(e).__name__, e)
