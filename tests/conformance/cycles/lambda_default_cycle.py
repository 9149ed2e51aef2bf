# A list that holds a lambda whose default argument is the list: list -> function -> defaults -> list.
import gc
gc.collect()
l = []
l.append(lambda x=l: x)
print(l[0]() is l)
del l
print(gc.collect())
