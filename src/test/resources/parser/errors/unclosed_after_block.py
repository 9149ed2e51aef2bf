for x in y:
    pass
x = (