# Awaiting a coroutine and keeping its value. C++ twin: await_coroutine.cpp
import asyncio


async def add(a, b):
    print(f"add({a}, {b}) starts")
    await asyncio.sleep(0)
    print(f"add({a}, {b}) returns {a + b}")
    return a + b


async def add_three(a, b, c):
    ab = await add(a, b)  # keep the awaited value in a local...
    abc = await add(ab, c)  # ...and use it after the next suspension
    return abc


async def main_coro():
    total = await add_three(1, 2, 3)
    print(f"total = {total}")

    later = add(10, 20)  # nothing runs yet
    print("coroutine created, not started")
    value = await later
    print(f"value = {value}")


asyncio.run(main_coro())
