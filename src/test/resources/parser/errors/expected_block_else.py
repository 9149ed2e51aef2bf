if x:
    a
else:
