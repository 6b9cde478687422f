# A cancelled Lock waiter never swallows the lock: cancelled while queued, or
# after release() woke it but before it resumed (it passes the lock on).
# C++: lock_cancel.cpp
import asyncio


async def taker(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled, locked={lock.locked()}")
        raise
    print(f"{name} acquired")
    await asyncio.sleep(0)
    lock.release()
    print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(taker(lock, "a"))
    b = asyncio.create_task(taker(lock, "b"))
    c = asyncio.create_task(taker(lock, "c"))
    d = asyncio.create_task(taker(lock, "d"))
    await asyncio.sleep(0)
    b.cancel()            # queued, not woken
    lock.release()        # wakes a
    a.cancel()            # woken but not resumed: passes the lock to c
    print(f"after release: locked={lock.locked()}")
    # a newcomer while cancelled and woken waiters are queued must queue too
    e = asyncio.create_task(taker(lock, "e"))
    await asyncio.wait([a, b, c, d, e])
    print(f"a={a.cancelled()} b={b.cancelled()} c={c.cancelled()} d={d.cancelled()} e={e.cancelled()}")
    print(f"locked={lock.locked()}")
    try:
        lock.release()
    except RuntimeError:
        print("release of an unlocked lock: error")


asyncio.run(main())
