y = 1
name = 'bob
z = 2
