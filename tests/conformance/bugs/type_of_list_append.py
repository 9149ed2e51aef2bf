# bug: type(list.append) was builtin_function_or_method (CPython: method_descriptor)
print(type(list.append).__name__, type([].append).__name__)
print(type(list.append) is type(str.join), type([].append) is type(len), type(list.append) is type(len))
print(type(list.append).__module__ if hasattr(type(list.append), '__module__') else '', type(list.append).__qualname__)
