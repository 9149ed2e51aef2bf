try:
    a()
except ValueError as e:
    print(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    b()
finally:
    c()

def f():
    try:
        return g()
    finally:
        h()

def g2():
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    while True:
        try:
            return 1
        except E as e:
            return e

def r():
    raise ValueError("x") from None

def nested():
    try:
        try:
            pass
        except A:
            pass
    except B as b:
        try:
            raise
        finally:
            del b
