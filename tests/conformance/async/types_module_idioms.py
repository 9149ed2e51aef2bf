# The idioms the standard library's types and _collections_abc modules use to name coroutine types.
async def _coro(): pass
_c = _coro()
CoroutineType = type(_c)
_c.close()
async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)
print(CoroutineType.__name__, AsyncGeneratorType.__name__)
print(CoroutineType is type(_coro()), isinstance(_ag, AsyncGeneratorType))
print(hasattr(CoroutineType, "send"), hasattr(CoroutineType, "throw"), hasattr(CoroutineType, "close"))
