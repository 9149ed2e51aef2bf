# dir(int) and dir(True): int's slots, methods and attributes, bool's on top
print(dir(int))
print(len(dir(True)), set(dir(int)) <= set(dir(bool)))
