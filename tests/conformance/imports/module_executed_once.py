# a module body runs once: a second import (also under another name) returns the module sys.modules holds
import sys
sys.path.insert(1, sys.path[0] + '/mods')
import helper
import helper as again
from helper import counter
print(helper is again, helper.counter, counter)
helper.counter = 10
import helper
print(helper.counter)
