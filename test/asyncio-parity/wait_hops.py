# asyncio.wait, hop for hop: it always suspends (even when every task is
# done); the wake-up comes one iteration after the completion callback; a
# cancelled wait raises CancelledError and leaves the tasks running.
# C++: wait_hops.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def child(name, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print(f"{name} ends")
    return name


async def waiter(ts):
    try:
        await asyncio.wait(ts)
        print("waiter returned")
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    t = asyncio.create_task(ticker(14))
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 2))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print(f"first completed: {sorted(x.result() for x in done)}, pending {len(pending)}")
    done, pending = await asyncio.wait([a])
    print(f"already done: {len(done)}")
    c = asyncio.create_task(child("c", 4))
    w = asyncio.create_task(waiter([c]))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    print(f"w cancelled {w.cancelled()}, c done {c.done()}")
    await c
    await t


asyncio.run(main())
