# pdb driven from a scripted stdin: step into a call, next, print a variable, where (the program's
# own frames only: the library's lines are the library's), return, continue
import io, pdb, re, sys

def square(n):
    r = n * n
    return r

def work():
    total = 0
    for k in range(3):
        total += square(k)
    return total

cmds = io.StringIO("step\nnext\np total\nwhere\nstep\nstep\nstep\np n\np r\nreturn\nnext\np total\ncontinue\n")
out = io.StringIO()
p = pdb.Pdb(stdin=cmds, stdout=out, nosigint=True)
p.use_rawinput = False
print(p.runcall(work))
for line in out.getvalue().splitlines():
    if 'bdb.py' in line:
        line = '  (the library frame)'
    print(re.sub(r'\S*pdb_scripted\.py', 'FILE', line))
print(sys.gettrace())
