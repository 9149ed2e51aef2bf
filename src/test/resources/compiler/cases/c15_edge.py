class Outer:
    __secret = 1
    def __m(self, __arg):
        return self.__secret, __arg
    class __Inner:
        __z = 2
    def use(self):
        import os.path as __p
        return __p, Outer.__Inner

class WithCell:
    def f(self):
        return super().f()
    x = __class__ if False else None

class G:
    global gv
    gv = 1

def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3
        return l2
    return l1

def big_call():
    return f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)

def big_list(a):
    return [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]

def big_dict(a):
    return {1: a, 2: a, 3: a, 4: a, 5: a, 6: a, 7: a, 8: a, 9: a, 10: a, 11: a, 12: a, 13: a, 14: a, 15: a, 16: a, 17: a}

def big_kw():
    return f(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16)

def method_star(o, a, k):
    return o.m(*a, **k), o.m(x=1, **k)

def defaults_closure(x):
    def f(a=x, *, b=x):
        return a + b + x
    return f

def try_in_loop():
    for i in range(3):
        try:
            continue
        except E:
            break
        finally:
            pass

def with_return_in_try():
    try:
        with m:
            return 1
    finally:
        cleanup()

def except_in_handler():
    try:
        pass
    except A as e:
        for x in e:
            if x:
                return x
            break

def gen_exp_arg():
    return sorted(x for x in y), list(x for x in y)

def yield_in_with_loop():
    for i in range(3):
        with c:
            yield i

def aug_global():
    global counter
    counter += 1

def del_global():
    global gone
    del gone

def del_free():
    v = 1
    def f():
        nonlocal v
        del v
    return f

def chained_in_while(a):
    while 0 < a < 10:
        a += 1
    return a

def return_in_finally_loop():
    while True:
        try:
            pass
        finally:
            return 5

def unpack_star_target():
    first, *rest = range(5)
    *init, last = range(5)
    (a, b), *c = [(1, 2), 3]
    for k, *v in items:
        pass
    return first, rest, init, last, a, b, c
