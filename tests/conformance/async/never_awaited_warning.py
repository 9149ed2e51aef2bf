# A coroutine finalized without ever running prints 3.11's RuntimeWarning (once per line).
async def job(n):
    return n
job(1)
for i in range(3):
    job(i)
c = job(5)
del c
print("done")
