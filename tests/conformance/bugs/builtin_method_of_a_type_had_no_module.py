# __module__ of a builtin function bound to an object that is not a module (a type's __new__,
# str.maketrans, a bound builtin method) is None (m_module NULL); doctest's finder asks it of every
# routine in a class dict (test_collections and test_enum did not load).
import collections, enum, inspect, doctest
print(object.__new__.__module__, int.__new__.__module__, str.maketrans.__module__, [].append.__module__)
print(collections.deque.__new__.__module__, enum.IntEnum._new_member_.__module__)
print(len.__module__, inspect.getmodule(str.maketrans))
import _heapq
print(_heapq.heappush.__module__)
tests = doctest.DocTestFinder().find(collections)
print(len(tests) > 0)
