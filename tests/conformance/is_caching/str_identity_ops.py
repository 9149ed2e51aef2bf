# Operations that would not change a str return the same object.
s = 'hello world'
print(str(s) is s)
print(s[:] is s)
print(s + '' is s)
print('' + s is s)
print(s * 1 is s)
print(s.strip() is s)
print(s.replace('zz', 'y') is s)
print(s.lower() is s)
print(f'{s}' is s)
