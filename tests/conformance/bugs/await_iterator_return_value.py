# await on an object whose __await__ returns an iterator class: the value of the StopIteration its
# __next__ raises is the await's result (refheap gave None).
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("result")
        return self.n
class Aw:
    def __await__(self):
        return It()
async def c():
    return await Aw()
co = c()
print(co.send(None), co.send(None))
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
