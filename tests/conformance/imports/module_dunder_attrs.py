# what import sets on a module: __name__, __doc__, __package__, __loader__, __spec__, __file__, __cached__, __builtins__ (in this order)
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/mods')
import helper
print([k for k in vars(helper) if k.startswith('__')])
print(helper.__package__ == '', helper.__doc__)
print(type(helper.__loader__).__name__, type(helper.__spec__).__name__)
print(helper.__spec__.name, helper.__spec__.origin == helper.__file__, helper.__spec__.has_location)
print(helper.__spec__.parent == '', helper.__spec__.submodule_search_locations)
print(helper.__loader__.name, helper.__loader__.path == helper.__file__)
print(helper.__spec__.loader is helper.__loader__, isinstance(helper.__cached__, str))
print(type(helper.__builtins__).__name__)
