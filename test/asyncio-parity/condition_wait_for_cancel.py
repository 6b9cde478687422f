# Condition.wait_for(predicate) cancelled: while waiting for a notification,
# and after notify() woke it but before it got the lock back; either way the
# waiter holds the lock again when CancelledError reaches it, and the other
# waiters and the lock are undisturbed. wait_for under asyncio.wait_for with
# a timeout (virtual clock). C++: condition_wait_for_cancel.cpp
import asyncio
import vclock

state = {"n": 0}


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def waiter(cond, name, target):
    await cond.acquire()
    try:
        r = await cond.wait_for(lambda: state["n"] >= target and state["n"])
        print(f"{now()} {name} sees n={r}")
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled, holds the lock: {cond.locked()}")
        raise
    finally:
        cond.release()


async def bump(cond, by):
    await cond.acquire()
    state["n"] += by
    print(f"{now()} n={state['n']}, notify_all")
    cond.notify_all()
    cond.release()


async def wait_n(cond, target):
    return await cond.wait_for(lambda: state["n"] >= target)


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a", 2))
    b = asyncio.create_task(waiter(cond, "b", 1))
    c = asyncio.create_task(waiter(cond, "c", 3))
    await asyncio.sleep(0)
    a.cancel()                 # waiting for a notification
    await asyncio.sleep(0)
    await bump(cond, 1)        # wakes b and c
    await cond.acquire()       # the notifier takes the lock before them
    c.cancel()                 # woken, waiting for the lock
    print(f"{now()} main holds the lock")
    cond.release()
    for _ in range(4):
        await asyncio.sleep(0)
    print(f"done: {[t.done() for t in (a, b, c)]}, locked {cond.locked()}")

    d = asyncio.create_task(waiter(cond, "d", 5))
    try:
        await cond.acquire()
        try:
            await asyncio.wait_for(wait_n(cond, 5), 1.5)
        finally:
            print(f"{now()} main after wait_for, holds the lock: {cond.locked()}")
            cond.release()
    except TimeoutError:
        print(f"{now()} main timed out")
    asyncio.get_running_loop().call_later(1.0, lambda: asyncio.ensure_future(bump(cond, 4)))
    await d


vclock.run(main())
