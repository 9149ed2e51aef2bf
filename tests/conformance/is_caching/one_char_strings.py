# Single-character Latin-1 strings (U+0000..U+00FF) made at run time are cached singletons; wider ones are not.
s = 'abc!'
t = 'xa!'
print(s[0] is t[1], s[3] is t[2])
u = 'éè'
v = 'éa'
print(u[0] is v[0])
e_acute = 'é'
print(u[0] is e_acute)
w = 'āb'
x = 'āc'
print(w[0] is x[0], w[0] == x[0])
k = '€uro'
print(k[0] is k[0])
five = str(5)
print(five is str(5), five == '5')
