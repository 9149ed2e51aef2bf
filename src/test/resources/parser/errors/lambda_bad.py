f = lambda x: (
