# gather(..., return_exceptions=True): every child runs to its end, failures
# come back as values in argument order, and the awaiter resumes two
# iterations after the last child, as without it; a cancelled child gives a
# CancelledError value and does not cancel the gather. awaitc's gather has
# no return_exceptions: the C++ twin wraps each child in a coroutine that
# catches and returns the outcome (docs/runtime.md, gather.h).
# C++: gather_return_exceptions.cpp
import asyncio

ticks = {"n": 0}


async def ticker():
    while True:
        ticks["n"] += 1
        await asyncio.sleep(0)


async def job(name, hops, fail=False):
    for _ in range(hops):
        await asyncio.sleep(0)
    if fail:
        print(f"{name} fails at tick {ticks['n']}")
        raise ValueError(name)
    print(f"{name} ends at tick {ticks['n']}")
    return name


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    res = await asyncio.gather(job("a", 3), job("b", 1, fail=True),
                               job("c", 2), job("d", 0, fail=True),
                               return_exceptions=True)
    print(f"tick {ticks['n']}: {res}")

    e = asyncio.create_task(job("e", 5))
    f = asyncio.create_task(job("f", 2))
    g = asyncio.gather(e, f, return_exceptions=True)
    await asyncio.sleep(0)
    e.cancel()
    res = await g
    print(f"tick {ticks['n']}: {res}")
    t.cancel()


asyncio.run(main())
