y = yield from x
