class Node:
    count = 0

    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        Node.count += 1

    def __del__(self):
        print(f"deleting {self.name}")
        Node.count -= 1


root = Node("root")
child = Node("child", root)
root.children.append(child)
del root, child
import gc; gc.collect()
