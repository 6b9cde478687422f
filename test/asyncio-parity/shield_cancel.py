# shield: cancelling the awaiter does not cancel the inner task, which runs
# on; a done task is awaited at once; an inner task cancelled by other means
# makes the shield raise CancelledError. C++: shield_cancel.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def work(name, hops):
    try:
        for _ in range(hops):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} finished")
    return hops


async def guarded(inner):
    try:
        v = await asyncio.shield(inner)
        print(f"guarded got {v}")
    except asyncio.CancelledError:
        print(f"guarded cancelled, inner done {inner.done()}")
        raise


async def main():
    t = asyncio.create_task(ticker(12))
    inner = asyncio.create_task(work("inner", 4))
    g = asyncio.create_task(guarded(inner))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    g.cancel()
    print(f"inner result {await inner}, g cancelled {g.cancelled()}")

    print(f"shield of a done task: {await asyncio.shield(inner)}")
    v = await asyncio.shield(work("direct", 1))
    print(f"shield of a coroutine: {v}")

    victim = asyncio.create_task(work("victim", 5))
    g2 = asyncio.create_task(guarded(victim))
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print(f"g2 cancelled {g2.cancelled()}")
    await t


asyncio.run(main())
