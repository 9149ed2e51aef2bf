class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = list(children)
        for c in self.children:
            c.parent = self

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t.walk()), t.depth())
del t
