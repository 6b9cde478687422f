# Condition: a task cancelled in wait() re-acquires the lock before
# CancelledError reaches it (whether it was waiting for the notification or
# for the lock); misuse without the lock is an error. C++: condition_cancel.cpp
import asyncio


async def waiter(cond, name):
    await cond.acquire()
    try:
        await cond.wait()
        print(f"{name} notified, locked={cond.locked()}")
    except asyncio.CancelledError:
        print(f"{name} cancelled, locked={cond.locked()}")
    finally:
        cond.release()
        print(f"{name} released")


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"))
    b = asyncio.create_task(waiter(cond, "b"))
    c = asyncio.create_task(waiter(cond, "c"))
    await asyncio.sleep(0)
    await cond.acquire()
    a.cancel()              # waiting for the notification; lock held by main
    cond.notify(1)          # wakes b
    print("main holds the lock")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    b.cancel()              # b now waits for the lock
    print("main releases")
    cond.release()
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    cond.release()
    for t in (a, b, c):
        await t
    try:
        await cond.wait()
    except RuntimeError:
        print("wait without the lock: error")
    try:
        cond.notify()
    except RuntimeError:
        print("notify without the lock: error")
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError:
        print("wait_for without the lock: error")
    print(f"wait_for true at once: {await cond.wait_for(lambda: 7)}")


asyncio.run(main())
