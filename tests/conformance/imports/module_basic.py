# import of a module next to the program (on a directory added to sys.path): attributes, functions, classes, sys.modules
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/mods')
import helper
print(helper.f(21), helper.counter, helper.__name__)
print(type(helper).__name__, type(helper.Thing).__name__, helper.Thing.__module__)
print(sys.modules['helper'] is helper)
print(helper.__file__.replace(HERE, '<dir>'))
print(repr(helper).replace(HERE, '<dir>'))
