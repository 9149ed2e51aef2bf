# global binds the module name; nonlocal binds the enclosing function's; plain assignment makes a local.
x = 'global x'
def outer():
    x = 'outer x'
    def use_global():
        global x
        x = 'changed global'
    def use_nonlocal():
        nonlocal x
        x = 'changed outer'
    def use_local():
        x = 'local only'
        return x
    use_global()
    use_nonlocal()
    use_local()
    return x
print(outer())
print(x)
