# GenericAlias and UnionType values are hashable and compare by content
d = {list[int]: 'li', int | str: 'is'}
print(d[list[int]], d[str | int], list[int] in d, list[str] in d)
print(hash(list[int]) == hash(list[int]))
