# iter(f, sentinel) whose f exhausts that same iterator before returning (gh-101892, test_iter): the
# iterator is done, next() raises StopIteration. refheap read the cleared sentinel and the JVM crashed.
HAS_MORE, NO_MORE = 1, 2
def exhaust(iterator):
    list(iterator)
def spam():
    if spam.is_recursive_call:
        return NO_MORE
    spam.is_recursive_call = True
    exhaust(spam.iterator)
    return HAS_MORE
spam.is_recursive_call = False
spam.iterator = iter(spam, NO_MORE)
try:
    next(spam.iterator)
except StopIteration:
    print('StopIteration')
print(list(spam.iterator))
