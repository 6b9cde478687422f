# Timeouts on every kind of wait (asyncio.wait_for around a coroutine that
# waits on the primitive): the cancelled wait leaves the primitive consistent
# (virtual clock). C++: timeouts.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def try_wait(label, coro, timeout):
    try:
        r = await asyncio.wait_for(coro, timeout)
        print(f"{now()} {label}: {r}")
    except TimeoutError:
        print(f"{now()} {label}: timeout")


async def get(q):
    return await q.get()


async def acquire(x):
    await x.acquire()
    return "acquired"


async def event_wait(ev):
    await ev.wait()
    return "set"


async def cond_wait(cond):
    await cond.acquire()
    try:
        await cond.wait()
        return "notified"
    finally:
        print(f"  cond waiter leaves with the lock: {cond.locked()}")
        cond.release()


async def future_wait(f):
    return await f


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    await try_wait("queue get", get(q), 1.0)
    loop.call_later(0.5, q.put_nowait, "item")
    await try_wait("queue get", get(q), 1.0)
    q.put_nowait("kept")
    print(f"qsize {q.qsize()}")

    lock = asyncio.Lock()
    await lock.acquire()
    await try_wait("lock", acquire(lock), 0.25)
    loop.call_later(0.1, lock.release)
    await try_wait("lock", acquire(lock), 0.25)
    print(f"locked {lock.locked()}")

    sem = asyncio.Semaphore(0)
    await try_wait("semaphore", acquire(sem), 0.5)
    sem.release()
    await try_wait("semaphore", acquire(sem), 0.5)
    print(f"value {sem._value}")

    ev = asyncio.Event()
    await try_wait("event", event_wait(ev), 0.75)
    loop.call_later(0.25, ev.set)
    await try_wait("event", event_wait(ev), 0.75)

    cond = asyncio.Condition()
    await try_wait("condition", cond_wait(cond), 1.0)
    print(f"cond locked {cond.locked()}")

    f = loop.create_future()
    await try_wait("future", future_wait(f), 0.5)
    print(f"future cancelled by the timeout: {f.cancelled()}")


vclock.run(main())
