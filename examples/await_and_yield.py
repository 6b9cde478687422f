# An async function and a generator side by side. C++ twin: await_and_yield.cpp
import asyncio


def squares(n):
    for i in range(1, n + 1):
        yield i * i


async def slow_sum(name, n):
    total = 0
    for v in squares(n):
        total += v
        print(f"{name}: added {v}, total {total}")
        await asyncio.sleep(0)  # the other task runs here
    return total


async def main_coro():
    small = asyncio.create_task(slow_sum("small", 2))
    big = asyncio.create_task(slow_sum("big", 4))
    a = await small
    print(f"small finished: {a}")
    b = await big
    print(f"big finished: {b}")


asyncio.run(main_coro())
