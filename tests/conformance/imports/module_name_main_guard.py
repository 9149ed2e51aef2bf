# `if __name__ == '__main__'` in an imported module is false there; the program itself is __main__
import sys
sys.path.insert(1, sys.path[0] + '/mods')
import helper
print(__name__, helper.__name__)
if __name__ == '__main__':
    print('program runs as __main__')
