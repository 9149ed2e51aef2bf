# a module whose body raises is removed from sys.modules; importing it again runs it again
import sys
sys.path.insert(1, sys.path[0] + '/mods')
for attempt in range(2):
    try:
        import failing
    except ValueError as e:
        print('ValueError', e, 'failing' in sys.modules)
