# vars(C) is a mappingproxy of the class dict; vars(module) is the module dict
import keyword
class C:
    x = 1
v = vars(C)
print(type(v).__name__, v['x'], vars(keyword) is keyword.__dict__, sorted(vars(keyword))[-1])
try:
    vars(C)['y'] = 2
except TypeError as e:
    print(e)
