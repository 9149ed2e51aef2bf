# list == list where an item's __eq__ clears the other list (test_list test_equal_operator_modifying_operand):
# refheap compared from the freed item array (a JVM crash); 3.11 holds both items, then compares the sizes.
class X:
    def __eq__(self,other) :
        list2.clear()
        return NotImplemented
class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented
class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented
list1 = [X()]
list2 = [Y()]
print(list1 == list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4)
