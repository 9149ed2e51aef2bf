# Quirk of 3.11: for many 1-char ASCII identifiers the interned string is not the 1-char cache object.
import sys
s = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789'
differs = ''
for i in range(len(s)):
    c = s[i]
    if sys.intern(s[i:i + 1] + '') is not c:
        differs += c
print(differs)
a = 'a'
print(a is s[0], a is sys.intern(s[0]))
g = 'g'
print(g is s[6], g is sys.intern(s[6]))
