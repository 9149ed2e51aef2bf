# attributes of a GenericAlias come from its origin, except __origin__, __args__, __parameters__, __class__
g = list[int]
print(g.__class__.__name__, g.__origin__ is list, g.append is list.append, g.__args__)
print(type(g).__name__, type(g.__parameters__).__name__)
