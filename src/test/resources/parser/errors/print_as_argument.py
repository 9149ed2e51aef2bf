f(print a)
