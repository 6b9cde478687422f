# Event set before anyone waits: wait() returns at once, without a loop
# iteration (a ticker does not move); set() twice is harmless; after clear()
# waiters wait again; set() then clear() in the same step still wakes the
# waiters of that moment but not a later one. wait_for(ev.wait(), 0) times
# out even on a set event (the coroutine has not started when the zero
# timeout is checked); with a timeout it returns from a set event.
# C++: event_preset.cpp
import asyncio

ticks = {"n": 0}


async def ticker():
    while True:
        ticks["n"] += 1
        await asyncio.sleep(0)


async def waiter(ev, name):
    r = await ev.wait()
    print(f"{name} woke ({r}) at tick {ticks['n']}")


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    ev = asyncio.Event()
    ev.set()
    ev.set()
    before = ticks["n"]
    for _ in range(3):
        await ev.wait()
    print(f"three waits on a set event took {ticks['n'] - before} ticks")
    try:
        await asyncio.wait_for(ev.wait(), 0)
    except TimeoutError:
        print(f"wait_for(timeout=0) on a set event: TimeoutError, is_set {ev.is_set()}")
    before = ticks["n"]
    r = await asyncio.wait_for(ev.wait(), 10)
    print(f"wait_for(timeout=10) on a set event: {r} after {ticks['n'] - before} ticks")

    ev.clear()
    a = asyncio.create_task(waiter(ev, "a"))
    b = asyncio.create_task(waiter(ev, "b"))
    await asyncio.sleep(0)
    print(f"tick {ticks['n']}: set and clear")
    ev.set()
    ev.clear()
    c = asyncio.create_task(waiter(ev, "c"))
    await asyncio.gather(a, b)
    await asyncio.sleep(0)
    print(f"c done: {c.done()}, is_set {ev.is_set()}")
    try:
        await asyncio.wait_for(ev.wait(), 0)
    except TimeoutError:
        print("wait_for(timeout=0) on a clear event: TimeoutError")
    ev.set()
    await c
    t.cancel()


asyncio.run(main())
