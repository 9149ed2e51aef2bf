# dir(list) and dir([]): CPython 3.11's names, sorted, object's included
d = dir(list)
print(len(d), d == sorted(d), d == dir([]))
print(d)
