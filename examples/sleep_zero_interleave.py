# Three tasks taking turns with sleep(0). C++ twin: sleep_zero_interleave.cpp
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name}: step {i} before sleep(0)")
        await asyncio.sleep(0)
        print(f"{name}: step {i} after sleep(0)")
    print(f"{name}: done")


async def main_coro():
    a = asyncio.create_task(worker("A", 2))
    b = asyncio.create_task(worker("B", 3))
    c = asyncio.create_task(worker("C", 1))
    print("main: created A, B and C")
    await a
    print("main: A finished")
    await b
    await c
    print("main: all finished")


asyncio.run(main_coro())
