# Event.set() wakes the waiters in the order they began to wait, each one
# loop iteration later; a ticker shows the iterations. C++: event_wake_order.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def waiter(ev, name):
    print(f"{name} waits")
    r = await ev.wait()
    print(f"{name} woke ({r}), set={ev.is_set()}")


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(ticker(5))
    ws = [asyncio.create_task(waiter(ev, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print("setting")
    ev.set()
    ev.set()  # no effect
    print("set returned")
    await asyncio.gather(*ws)
    print("late waiter:")
    await waiter(ev, "d")
    await t


asyncio.run(main())
