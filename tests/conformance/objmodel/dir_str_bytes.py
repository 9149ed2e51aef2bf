# dir of str, bytes and bytearray: the methods without dunders
print([n for n in dir(str) if not n.startswith('_')])
print([n for n in dir(bytes) if not n.startswith('_')])
print(len(dir(bytearray)))
