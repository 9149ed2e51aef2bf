# dir of a module: the names in its dict, sorted
import keyword
print(dir(keyword))
print(dir(keyword) == sorted(keyword.__dict__))
