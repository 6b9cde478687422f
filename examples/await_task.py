# Awaiting a created task. C++ twin: await_task.cpp
import asyncio


async def slow_square(x):
    print(f"square({x}) starts")
    await asyncio.sleep(0)
    print(f"square({x}) finishes")
    return x * x


def yes_no(flag):
    return "yes" if flag else "no"


async def main_coro():
    task = asyncio.create_task(slow_square(7))
    print(f"task created, done: {yes_no(task.done())}")

    await asyncio.sleep(0)  # let the task start
    print(f"main runs again, done: {yes_no(task.done())}")

    result = await task  # wait for it to finish
    print(f"result = {result}, done: {yes_no(task.done())}")

    again = await task  # a finished task returns at once
    print(f"again = {again}")


asyncio.run(main_coro())
