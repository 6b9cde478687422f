# Async generators interleaved with other tasks: each next() runs the
# generator's body inside the consumer's task, with no loop iteration of
# its own; the body's sleep(0) lets the other tasks run. Two consumers, each
# with its own generator, and a plain task. C++: agen_interleave.cpp
import asyncio


async def ticks(name, n):
    print(f"{name} starts")
    for i in range(n):
        await asyncio.sleep(0)
        print(f"{name} yields {i}")
        yield i
    print(f"{name} ends")


async def consumer(name, n):
    total = 0
    async for v in ticks(name, n):
        print(f"{name} got {v}")
        total += v
    print(f"{name} total {total}")
    return total


async def plain():
    for i in range(4):
        print(f"plain {i}")
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(consumer("a", 3))
    b = asyncio.create_task(consumer("b", 2))
    p = asyncio.create_task(plain())
    print("main waits")
    ra = await a
    rb = await b
    await p
    print(f"results {ra} {rb}")


asyncio.run(main())
