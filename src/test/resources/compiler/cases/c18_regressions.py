def fmt(a, b):
    return 'Use %s() or %-5r to exit %.2a %%' % (a, b, a), '%d' % (a,), '%s' % (a, b), '%s %s' % (a,)

def exits(self):
    w = self.c()
    if w is not None:
        s = w.x
        if not s:
            w.y()

def doc_then_ex_call(self, other):
    """Doc."""
    return self.clone(**other.__dict__)

def dead_after_return():
    return 1
    x = 5

def raise_at_end(o):
    "d"
    raise g(*o)
