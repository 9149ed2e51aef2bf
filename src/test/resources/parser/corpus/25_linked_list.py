class Link:
    __slots__ = ("value", "next", "prev")

    def __init__(self, value):
        self.value = value
        self.next = self.prev = None


def build(n):
    head = tail = None
    for i in range(n):
        node = Link(i)
        if head is None:
            head = tail = node
        else:
            tail.next, node.prev = node, tail
            tail = node
    return head


def length(head):
    count = 0
    while head is not None:
        count, head = count + 1, head.next
    return count


lst = build(100)
print(length(lst))
lst = None
