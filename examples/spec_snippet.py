# The first program (spec_snippet.cpp) in Python's asyncio. C++ twin: spec_snippet.cpp
import asyncio


async def custom_coroutine(x):
    await asyncio.sleep(0)  # let other tasks run
    return x * 2


async def main_coro():
    value = await custom_coroutine(21)  # await a coroutine
    task = asyncio.create_task(custom_coroutine(1))
    other = await task  # await a task
    print(f"{value} {other}")


def custom_generator():
    for i in range(10):
        yield i


def main():
    asyncio.run(main_coro())
    for v in custom_generator():
        print(v)


main()
