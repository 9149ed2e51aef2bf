assert x
assert x, "message"
assert isinstance(x, int), f"bad {x!r}"
raise
raise ValueError
raise ValueError("x")
raise RuntimeError("y") from exc
raise Exception() from None
