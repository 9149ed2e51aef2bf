# _contextvars (Context, ContextVar, Token, copy_context) through contextvars.py: values per context,
# run(), set/reset with tokens, copies that keep what they saw; 3.11's sizes, tracking, referents,
# reprs and errors.
import contextvars
import gc
import sys
from contextvars import Context, ContextVar, Token, copy_context

print(ContextVar.__module__, Context.__name__, Token.__qualname__, Token.MISSING, type(Token.MISSING).__name__)
v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), v.get(5), w.get('dflt'), repr(v).startswith("<ContextVar name='v' default=1 at 0x"))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
print(sys.getsizeof(v), gc.is_tracked(v), gc.get_referents(v), gc.get_referents(w))

t = w.set('a')
print(w.get(), t.var is w, t.old_value is Token.MISSING, sys.getsizeof(t), gc.is_tracked(t))
print(repr(t).startswith('<Token var=<ContextVar name='), len(gc.get_referents(t)))
snap = copy_context()
t2 = w.set('b')
print(w.get(), t2.old_value, snap[w], snap.get(w), w in snap, v in snap, len(snap), snap.get(v, 'none'))
w.reset(t2)
print(w.get(), repr(t2).startswith('<Token used var='))
try:
    w.reset(t2)
except RuntimeError as e:
    print('RuntimeError', str(e).endswith('has already been used once'))
try:
    v.reset(t)
except ValueError as e:
    print('ValueError', str(e).endswith('was created by a different ContextVar'))
w.reset(t)
print(w.get(None))

ctx = Context()
print(sys.getsizeof(ctx), gc.is_tracked(ctx), len(ctx), list(ctx), type(gc.get_referents(ctx)[0]).__name__)


def body(x, *, y):
    w.set(x + y)
    print('inside', w.get(), v.get(), len(copy_context()))
    try:
        ctx.run(print, 'nested')
    except RuntimeError as e:
        print('RuntimeError', str(e).startswith('cannot enter context: <_contextvars.Context object at'))
    return 'ret'


print(ctx.run(body, 1, y=2), w.get('outside'), ctx[w], dict(ctx.items()) == {w: 3}, list(ctx.keys()) == [w],
      list(ctx.values()))
c2 = ctx.copy()
print(c2[w], c2 == ctx, c2 is ctx, c2 == Context(), Context() == Context())
try:
    ctx[1]
except TypeError as e:
    print('TypeError', e)
try:
    ctx[v]
except KeyError as e:
    print('KeyError', e.args[0] is v)
try:
    w.reset(1)
except TypeError as e:
    print('TypeError', e)
for bad in [lambda: ContextVar(1), lambda: ContextVar('a', 'b'), lambda: Context(1), lambda: Token()]:
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
try:
    v.name = 'x'
except AttributeError as e:
    print('AttributeError', e)
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print('TypeError', e)
print(hash(v) == hash(v), {v: 1}[v])
tokens = [w.set(i) for i in range(3)]
print(w.get(), [tk.old_value for tk in tokens][1:])
for tk in reversed(tokens):
    w.reset(tk)
print(w.get('gone'))
