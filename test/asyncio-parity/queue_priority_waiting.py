# A bounded PriorityQueue of (priority, name) pairs: blocked putters wake in
# FIFO order as a consumer takes the smallest items. C++: queue_priority_waiting.cpp
import asyncio


async def producer(q, prio, name):
    print(f"put {prio} {name} (full {q.full()})")
    await q.put((prio, name))
    print(f"put {prio} {name} done")


async def main():
    q = asyncio.PriorityQueue(2)
    ps = [asyncio.create_task(producer(q, p, n))
          for p, n in ((5, "e"), (1, "a"), (3, "c"), (2, "b"), (4, "d"))]
    await asyncio.sleep(0)
    out = []
    for _ in range(5):
        prio, name = await q.get()
        print(f"got {prio} {name}")
        out.append(name)
        await asyncio.sleep(0)
    await asyncio.gather(*ps)
    print("".join(out))


asyncio.run(main())
