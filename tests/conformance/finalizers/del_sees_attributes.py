# During __del__ the object's attributes are intact; they are released after __del__ returns.
class Child:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('child finalized', self.name)
class Parent:
    def __init__(self):
        self.child = Child('c1')
        self.values = [1, 2, 3]
    def __del__(self):
        print('parent finalized, child is', self.child.name, 'values', self.values)
p = Parent()
del p
print('done')
