# `from m import name` of a partially initialised module: "(most likely due to a circular import)"
import sys
HERE = sys.path[0]
try:
    import circ.x
except ImportError as e:
    print(type(e).__name__, str(e).replace(HERE, '<dir>'))
print('circ.x' in sys.modules, 'circ.y' in sys.modules)
