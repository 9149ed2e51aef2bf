# a classmethod_descriptor called unbound takes the class first; errors name the type
fk = dict.__dict__['fromkeys']
print(fk(dict, 'ab'), type(fk.__get__(None, dict)).__name__, fk.__get__({}).__self__ is dict)
for t in ["fk()", "fk(1)", "fk(list, [1])"]:
    try:
        eval(t)
    except TypeError as e:
        print(e)
