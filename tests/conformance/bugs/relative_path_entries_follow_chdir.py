# '' and relative sys.path entries are looked up from the process's current directory, which os.chdir moves (refheap looked in the directory it started in)
import sys, posix
CONF = sys.path[0][:-len('/bugs')]
start = posix.getcwd()
try:
    posix.chdir(CONF + '/imports')
    sys.path.insert(0, 'mods2')
    import onlyhere
    print(onlyhere.value, onlyhere.__file__.replace(CONF, '<conf>'))
    posix.chdir(CONF + '/imports/mods')
    sys.path.insert(0, '')
    import helper
    print(helper.__name__, helper.__file__.replace(CONF, '<conf>'))
finally:
    posix.chdir(start)  # the directory the run started in (programs may share one process)
print(sorted(k.replace(CONF, '<conf>') for k in sys.path_importer_cache if k.startswith(CONF + '/imports')))
