# a module that replaces itself in sys.modules: import gives the replacement
import sys
sys.path.insert(1, sys.path[0] + '/mods')
import replacer
print(repr(replacer), type(replacer).__name__)
