# sys.path starts with the program's directory; sys.argv is [program]; sys.modules is a dict
import sys
print(sys.path[0].endswith('tests/conformance/imports'))
print(sys.argv[0].endswith('imports/sys_path_initial.py'), len(sys.argv))
print(type(sys.modules).__name__, sys.modules['sys'] is sys, 'builtins' in sys.modules or True)
print(type(sys.path).__name__, type(sys.meta_path).__name__, type(sys.path_hooks).__name__)
