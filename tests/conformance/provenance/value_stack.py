# provenance: an operand waiting on the value stack is a holder (refheap.holders vs getrefcount; CPython's gc.get_referrers)
from provlib import check, check_static
x = []
pair = [x, check("x while [x, ...] is built", x, "global 'x'", "the value stack")]
check("x after", x, "global 'x'", "list[0]")
