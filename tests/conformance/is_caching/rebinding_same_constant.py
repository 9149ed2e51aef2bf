# Names bound to the same constant share one object; building an equal value at run time makes a new object.
x = 'spam eggs'
y = 'spam eggs'
print(x is y)
z = 'spam' + ' eggs'
print(z is x)
w = ' '.join(['spam', 'eggs'])
print(w is x, w == x)
n = 123456
m = 123456
print(n is m)
p = 123455 + int('1')
print(p is n, p == n)
