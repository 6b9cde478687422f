# The Python twin of the multi_tu example (main.cpp, worker.cpp, shared.h):
# the same tasks, printing the same lines in the same order.
import asyncio

total_steps = 0


async def step(who, n):
    global total_steps
    total_steps += 1
    print(f"{who}: step {n}")
    await asyncio.sleep(0)  # let the other tasks run
    return n + 1


async def worker(name, steps):
    value = 0
    for _ in range(steps):
        value = await step(name, value)
    print(f"{name}: done with {value}")
    return value * 100


async def main_coro():
    a = asyncio.create_task(worker("a", 2))
    b = asyncio.create_task(worker("b", 3))
    mine = await step("main", 10)  # runs now, inside this task
    print(f"main: got {mine}")
    from_a = await a
    from_b = await b
    print(f"results: a={from_a} b={from_b}, {total_steps} steps in all")


asyncio.run(main_coro())
