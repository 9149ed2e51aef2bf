# Reading a captured variable before the enclosing function assigned it raises NameError about a free variable.
def outer():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return inner()
print(outer())
