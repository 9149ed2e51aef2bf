# bug: hasattr([], '__iter__') was False (builtin types had no slot wrappers)
print(hasattr([], '__iter__'), hasattr(list, '__iter__'), hasattr({}, '__len__'), hasattr('', '__add__'))
print(getattr([], '__iter__', None) is not None, getattr(list, '__nope__', 'absent'))
