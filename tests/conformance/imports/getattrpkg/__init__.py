def __getattr__(name):
    if name == 'dynamic':
        return 'made on demand'
    raise AttributeError(name)
