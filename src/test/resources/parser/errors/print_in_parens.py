(print a)
