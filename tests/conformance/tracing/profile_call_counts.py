# profile.Profile over a generator expression calling a function: the call counts pstats keeps
# (primitive and total) for the program's functions and the builtins (times are left out)
import profile, pstats, io, sys

def leaf(x):
    return x + 1

def branch(n):
    return sum(leaf(i) for i in range(n))

p = profile.Profile()
print(p.runcall(branch, 4))
st = pstats.Stats(p)
rows = []
for (fn, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
    if fn == __file__ or fn == '~':
        rows.append((name, line if fn != '~' else 0, cc, nc))
for r in sorted(rows):
    print(r)
print(sys.getprofile())
