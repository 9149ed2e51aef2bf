def g():
    return 'g'
