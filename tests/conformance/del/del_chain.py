# A finalizer that drops the last reference to another object runs that object's finalizer inside it.
class Node:
    def __init__(self, name, nxt):
        self.name = name
        self.nxt = nxt
    def __del__(self):
        print('enter', self.name)
head = Node('a', Node('b', Node('c', None)))
del head
print('done')
