# bug: frozenset(...).__contains__ was missing (keyword.py uses frozenset(kwlist).__contains__)
iskeyword = frozenset(['if', 'else']).__contains__
print(iskeyword('if'), iskeyword('x'), type(iskeyword).__name__)
print(frozenset.__contains__(frozenset([1]), 1), set.__contains__({2}, 2))
