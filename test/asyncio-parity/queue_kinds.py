# PriorityQueue gives the smallest item first, LifoQueue the newest; both
# wake getters as Queue does. C++: queue_kinds.cpp
import asyncio


async def drain(q, name, n):
    out = []
    for _ in range(n):
        out.append(await q.get())
        q.task_done()
    print(f"{name}: {out}")


async def main():
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 1, 3, 9, 2, 6):
        pq.put_nowait(x)
    await drain(pq, "priority", 8)
    lq = asyncio.LifoQueue()
    for x in range(5):
        lq.put_nowait(x)
    await drain(lq, "lifo", 5)

    # a waiting getter of a PriorityQueue
    pq2 = asyncio.PriorityQueue(2)
    g = asyncio.create_task(drain(pq2, "waited", 4))
    await asyncio.sleep(0)
    for x in (30, 10, 20, 0):
        await pq2.put(x)
        print(f"put {x}")
    await g
    await pq2.join()
    print("joined")


asyncio.run(main())
