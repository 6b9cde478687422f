# Queue(maxsize=2) between a fast producer and two consumers: when putters
# and getters wake, hop for hop, with a ticker. C++: queue_producer_consumer.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def producer(q):
    for i in range(6):
        print(f"put {i} (qsize {q.qsize()}, full {q.full()})")
        await q.put(i)
        print(f"put {i} done")
    for _ in range(2):
        await q.put(-1)


async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{name} got {item}")
        q.task_done()
        if item < 0:
            return
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(2)
    t = asyncio.create_task(ticker(12))
    cs = [asyncio.create_task(consumer(q, n)) for n in "xy"]
    await producer(q)
    await q.join()
    print(f"joined, empty {q.empty()}")
    for c in cs:
        await c
    await t


asyncio.run(main())
