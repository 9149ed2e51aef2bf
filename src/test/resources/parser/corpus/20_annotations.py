x: int
y: int = 5
z: list[int] = []
(w): int = 1
obj.attr: str = "s"
seq[0]: float
items: dict[str, "Node"] = {}
t: tuple = 1, 2
v: int = 3 if False else 4
