class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        yield from reversed(self._items)

    def __repr__(self):
        return f"Stack({self._items!r})"


s = Stack().push(1).push(2)
print(len(s), list(s), repr(s))
