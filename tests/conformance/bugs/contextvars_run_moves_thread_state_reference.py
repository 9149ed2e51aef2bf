# Context.run moves the thread state's reference to the current context into ctx_prev (as
# context_enter does) and back; refheap took a new reference instead, leaking one per run, and
# held the current context and Token.MISSING in Java without reporting them to the heap verifier.
import contextvars, sys

v = contextvars.ContextVar('v', default=0)
ctx = contextvars.copy_context()
outer = contextvars.copy_context()

def body():
    v.set(v.get() + 1)
    return v.get()

print(ctx.run(body), ctx.run(body), ctx[v])
n = sys.getrefcount(ctx)
for _ in range(10):
    ctx.run(body)
print(sys.getrefcount(ctx) - n, ctx[v])
t = v.set(5)
print(t.old_value is contextvars.Token.MISSING, t.old_value)
v.reset(t)
print(v.get())
def nested():
    return outer.run(lambda: v.get())
print(ctx.run(nested))
def many():
    before = sys.getrefcount(ctx)
    for _ in range(10):
        outer.run(v.get)
    return sys.getrefcount(ctx) - before
print(ctx.run(many))
