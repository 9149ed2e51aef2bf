x = print a
