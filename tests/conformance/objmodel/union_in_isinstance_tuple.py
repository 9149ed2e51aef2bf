# unions mix with tuples in isinstance, and with None
u = int | str
print(isinstance(1, (float, u)), isinstance(b'', (float, u)), isinstance(None, (u, type(None))))
print((int | str | None).__args__)
print(repr(type(None) | int), repr(int | list[str] | None))
