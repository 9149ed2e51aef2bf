# the first sys.path directory that has the module wins; a directory added later makes new modules importable
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/mods')
sys.path.append(HERE + '/mods2')
import shadow
print(shadow.where)
import onlyhere
print(onlyhere.value)
