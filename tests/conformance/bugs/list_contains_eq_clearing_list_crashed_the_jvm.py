# list.index/count/remove and `in` whose item comparison (__eq__) clears the list (test_list
# test_count_index_remove_crashes): `in` read the freed item and the JVM crashed.
import sys
class X:
    def __eq__(self, other):
        lst.clear()
        return NotImplemented
lst = [X()]
try:
    lst.index(lst)
except ValueError as e:
    print('index', e)
print('a')
class L(list):
    def __eq__(self, other):
        str(other)
        return NotImplemented
lst = L([X()])
print(lst.count(lst))
lst = L([X()])
try:
    lst.remove(lst)
except ValueError as e:
    print('remove', e)
lst = [X(), X()]
print(3 in lst)
lst = [X(), X()]
print(X() in lst)
