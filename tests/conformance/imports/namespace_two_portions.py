# a namespace package whose portions lie in two sys.path directories: both are on its __path__
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/nsroot1')
sys.path.insert(2, HERE + '/nsroot2')
import nsdemo.part1, nsdemo.part2
print(nsdemo.part1.P, nsdemo.part2.P)
print([p.replace(HERE, '<dir>') for p in nsdemo.__path__])
