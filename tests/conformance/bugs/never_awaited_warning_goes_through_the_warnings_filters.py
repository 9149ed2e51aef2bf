# The never-awaited warning goes through the warnings filters (warnings._warn_unawaited_coroutine,
# imported by the finalizer): recorded, repeated under "always", or silenced
import sys
async def job(n):
    return n
print('warnings' in sys.modules)
job(0)
print('warnings' in sys.modules)
import warnings
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    for i in range(2):
        job(i)
for w in log:
    print(w.category.__name__, w.message, w.lineno, type(w.source).__name__)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    job(3)
print('done')
