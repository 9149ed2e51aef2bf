# Tracebacks mark a failing attribute access with ^ under the object and the attribute: loads, chains, stores, method calls and a chain over several lines.
class Node:
    def __init__(self):
        self.child = None


n = Node()
try:
    v = n.child.value
except AttributeError:
    try:
        n.child.value = 3
    except AttributeError:
        try:
            size = n.child.count(1, 2)
        except AttributeError:
            try:
                v = 1 + n.missing
            except AttributeError:
                v = (n
                     .child
                     .deeper)
