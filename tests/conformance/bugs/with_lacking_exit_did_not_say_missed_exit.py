# 3.11.7's message for a context manager that has __enter__ but no __exit__ names the missing
# method (test_contextlib's test_typo_exit); the same for async with and __aexit__.
class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        pass
for cm in (OnlyEnter, OnlyExit, int):
    try:
        with cm():
            pass
    except TypeError as e:
        print(e)

class AOnlyEnter:
    async def __aenter__(self):
        return self
class AOnlyExit:
    async def __aexit__(self, *a):
        pass
async def use(cm):
    async with cm():
        pass
for cm in (AOnlyEnter, AOnlyExit, int):
    try:
        use(cm).send(None)
    except TypeError as e:
        print(e)
