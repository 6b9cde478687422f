# Condition: notify(n) wakes the first n waiters not yet woken, in order;
# each re-acquires the lock in turn before its wait() returns.
# C++: condition_notify.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def waiter(cond, name):
    await cond.acquire()
    print(f"{name} waits")
    r = await cond.wait()
    print(f"{name} notified ({r}), locked={cond.locked()}")
    await asyncio.sleep(0)
    cond.release()


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(ticker(14))
    ws = [asyncio.create_task(waiter(cond, n)) for n in "abcde"]
    await asyncio.sleep(0)
    await cond.acquire()
    print("notify(2)")
    cond.notify(2)
    print("notify(1)")
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await cond.acquire()
    print("notify_all")
    cond.notify_all()
    cond.release()
    for w in ws:
        await w
    await t


asyncio.run(main())
