# next() on an iterator class lets the StopIteration its __next__ raises through as it is (refheap
# raised a new StopIteration without the value).
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(5)
try:
    next(It())
except StopIteration as e:
    print(e.value, e.args)
print(next(It(), "default"))
