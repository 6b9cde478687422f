# gather: results in argument order whatever the finishing order; the
# awaiting task resumes two iterations after the last child finished (the
# gather callback, then the wake-up); coroutines start in argument order.
# C++: gather_order.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def child(name, hops, value):
    print(f"{name} starts")
    for _ in range(hops):
        await asyncio.sleep(0)
    print(f"{name} ends")
    return value


async def nothing(name):
    print(f"{name} (void) runs")


async def main():
    t = asyncio.create_task(ticker(10))
    a, b, c = await asyncio.gather(child("a", 3, 1), child("b", 1, "two"),
                                   child("c", 0, 3.5))
    print(f"results: {a} {b} {c}")
    ready = asyncio.create_task(child("d", 0, 4))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"d done: {ready.done()}")
    r = await asyncio.gather(ready, nothing("e"), ready)
    print(f"with a done task and a void child: {r[0]} {r[1]} {r[2]}")
    print(f"empty gather: {await asyncio.gather()}")
    await t


asyncio.run(main())
