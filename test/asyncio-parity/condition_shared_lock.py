# A Condition built on a Lock that tasks also take directly: lock waiters and
# condition waiters queue for the same lock, in order. C++: condition_shared_lock.cpp
import asyncio


async def direct(lock, name):
    await lock.acquire()
    print(f"{name} has the lock directly")
    await asyncio.sleep(0)
    lock.release()


async def via_condition(cond, name):
    async with cond:
        await cond.wait()
        print(f"{name} notified, holds the lock: {cond.locked()}")
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    ws = [asyncio.create_task(via_condition(cond, n)) for n in ("c1", "c2")]
    await asyncio.sleep(0)
    await lock.acquire()
    ds = [asyncio.create_task(direct(lock, n)) for n in ("d1", "d2")]
    await asyncio.sleep(0)
    cond.notify_all()
    print("main releases")
    lock.release()
    for t in ws + ds:
        await t
    print(f"locked at the end: {lock.locked()}")


asyncio.run(main())
