# asyncio.run on refheap: the selector event loop's self-pipe (a socketpair), tasks, gather, queues,
# wait_for's timeout, events, an executor's thread, and streams over a TCP server on the loopback
import asyncio, gc

async def f(x):
    await asyncio.sleep(0)
    return x * 2

async def producer(q):
    for i in range(3):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    got = []
    while (item := await q.get()) is not None:
        got.append(item)
    return got

async def main():
    print(await asyncio.gather(f(1), f(2), f(3)))
    q = asyncio.Queue()
    _, got = await asyncio.gather(producer(q), consumer(q))
    print(got)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('timed out')
    t = asyncio.create_task(f(21))
    print(await t, t.done())
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    ev = asyncio.Event()
    loop.call_soon(ev.set)
    await ev.wait()
    print('event set')
    return 'done'

print(asyncio.run(main()))

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def tcp():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'ping over tcp\n')
    await writer.drain()
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(tcp())
print(gc.collect() >= 0)
