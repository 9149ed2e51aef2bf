# sys.modules may hold an object that is no module (test.support does): the exit-time clearing of
# module dicts passes over it instead of reading a module dict it does not have.
import sys
class NotAModule:
    pass
sys.modules["not_a_module_entry"] = NotAModule()
print("ok")
