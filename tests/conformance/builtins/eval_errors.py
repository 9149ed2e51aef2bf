# exec and eval check their arguments with CPython's messages
cases = [
    lambda: eval(1),
    lambda: exec(1),
    lambda: eval("1", 1),
    lambda: exec("1", 1),
    lambda: eval("1", {}, 1),
    lambda: exec("1", {}, 1),
    lambda: eval(),
    lambda: exec("1", {}, {}, {}),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
def outer():
    v = 1
    def inner():
        return v
    return inner
try:
    exec(outer().__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    eval(outer().__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    exec()
except TypeError as e:
    print("TypeError:", e)
