# a coroutine never awaited and still alive at the end (held by its __await__ wrapper): the runtime's
# close() warned of it again on a half-released runtime, where an allocation found dangling references
async def co(): pass
c = co(); w = c.__await__()
async def co(): pass
c = co()
c.close()
