# dir(object) and dir(object())
print(dir(object))
print(dir(object()) == dir(object))
