# the errors of calling builtin descriptors with the wrong self or arguments
tests = ["list.append()", "list.append(1, 2)", "list.__len__()", "list.__len__(1)", "list.__len__([], 1)",
         "list.__len__([], x=1)", "list.append([], x=1)", "int.__add__(1)", "int.__add__('a', 1)",
         "object.__init__()", "list.__iter__.__get__(1)", "list.append.__get__(1)", "str.join(1, [])"]
for t in tests:
    try:
        print(t, '->', eval(t))
    except TypeError as e:
        print(t, '!!', e)
