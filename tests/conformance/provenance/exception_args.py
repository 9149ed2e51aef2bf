# provenance: an exception holds its args tuple (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
payload = []
err = RuntimeError(payload, 2)
check("args", err.args, "args")
check("payload", payload, "global 'payload'", "tuple[0]")
