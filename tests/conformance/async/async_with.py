# async with: __aenter__'s result bound, __aexit__ awaited on success and on error (and may suppress it).
class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    async def __aenter__(self):
        print("enter")
        return "resource"
    async def __aexit__(self, typ, exc, tb):
        print("exit", typ.__name__ if typ else None)
        return self.suppress

async def main():
    async with CM(False) as r:
        print("using", r)
    async with CM(True):
        raise ValueError("suppressed")
    try:
        async with CM(False), CM(False) as second:
            raise KeyError("k")
    except KeyError as e:
        print("propagated", repr(e))
    for i in range(2):
        async with CM(False):
            if i == 0:
                continue
            break
    return "ok"

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
