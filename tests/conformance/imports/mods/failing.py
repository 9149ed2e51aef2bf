loaded = True
raise ValueError('failing module body')
