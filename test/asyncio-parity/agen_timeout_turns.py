# An async generator under timeouts and shared in turns (virtual clock):
# wait_for around anext() that times out cancels the generator in its own
# await (its handler and cleanup run there) and finishes it, so later
# anext() calls give the default at once; two tasks taking turns on one
# generator under a Lock each get the next value while the generator's
# awaits let the other task run. C++: agen_timeout_turns.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def numbers(name, step):
    try:
        for i in range(10):
            await asyncio.sleep(i * step)
            print(f"{now()} {name} yields {i}")
            yield i
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled in its sleep")
        raise
    finally:
        print(f"{now()} {name} closed")


async def next_of(gen):
    return await anext(gen, None)


async def taker(name, gen, lock, n):
    for _ in range(n):
        async with lock:
            v = await anext(gen, None)
        print(f"{now()} {name} took {v}")
        await asyncio.sleep(0)


async def main():
    gen = numbers("g1", 0.5)
    for _ in range(5):
        try:
            v = await asyncio.wait_for(next_of(gen), 0.75)
            print(f"{now()} got {v}")
        except TimeoutError:
            print(f"{now()} TimeoutError")

    gen = numbers("g2", 0.25)
    lock = asyncio.Lock()
    await asyncio.gather(taker("x", gen, lock, 3), taker("y", gen, lock, 2))
    await gen.aclose()
    print(f"{now()} end")


vclock.run(main())
