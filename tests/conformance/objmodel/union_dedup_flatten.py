# unions flatten nested unions and drop duplicates, keeping the first order
print((int | str) | (str | float))
print(int | str | int)
print(((int | None) | None).__args__)
print((list[int] | list[int]))
