# match: deeply nested sequence, mapping and class patterns bind names from every level in order.
class Node:
    __match_args__ = ("left", "right")
    def __init__(self, left, right):
        self.left = left
        self.right = right

def walk(t):
    match t:
        case Node(Node(a, b), {"v": [c, *d]}) if d:
            return ("deep", a, b, c, d)
        case Node(Node(a, _), {"v": [c]} | {"w": c}):
            return ("shallow", a, c)
        case Node(x, y):
            return ("node", x, y)

print(walk(Node(Node(1, 2), {"v": [3, 4, 5]})))
print(walk(Node(Node(1, 2), {"v": [3]})))
print(walk(Node(Node(1, 2), {"w": 9})))
print(walk(Node(0, {"z": 1})))
