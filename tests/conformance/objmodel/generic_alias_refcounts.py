# a GenericAlias holds its origin and args; freeing it releases them
import sys, gc
class Item:
    pass
base = sys.getrefcount(Item)
aliases = [list[Item] for i in range(4)]
print(sys.getrefcount(Item) - base)
del aliases
print(sys.getrefcount(Item) - base)
a = dict[str, Item]
print(gc.get_referents(a)[0] is dict, gc.get_referents(a)[1] == (str, Item))
print(a.__parameters__, len(gc.get_referents(a)))
