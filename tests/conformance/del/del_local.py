# Deleting a local makes later reads raise UnboundLocalError; deleting it twice does too.
def f():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return type(e).__name__ + ': ' + str(e)
print(f())
def g():
    b = 2
    del b
    try:
        del b
    except UnboundLocalError as e:
        return str(e)
print(g())
