# Semaphore: a waiter cancelled after release() handed it the unit gives the
# unit back to the next waiter; one cancelled while queued takes nothing.
# BoundedSemaphore over-release and a negative initial value are errors.
# C++: semaphore_cancel.cpp
import asyncio


async def taker(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled, value={sem._value}")
        raise
    print(f"{name} acquired, value={sem._value}")


async def main():
    sem = asyncio.Semaphore(0)
    ts = {n: asyncio.create_task(taker(sem, n)) for n in "abcd"}
    await asyncio.sleep(0)
    print(f"locked={sem.locked()}")
    ts["b"].cancel()
    sem.release()           # hands the unit to a
    print(f"after release: value={sem._value}")
    ts["a"].cancel()        # a gives it back: c gets it
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"value={sem._value} locked={sem.locked()}")
    sem.release()
    await ts["d"]
    print(f"value={sem._value} locked={sem.locked()}")

    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError:
        print("bounded over-release: error")
    try:
        asyncio.Semaphore(-1)
    except ValueError:
        print("negative semaphore: error")


asyncio.run(main())
