# Lock: FIFO hand-over, one loop iteration per hand-over, and a releaser
# that re-acquires at once queues behind the woken waiter. C++: lock_fifo.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def worker(lock, name, rounds):
    for r in range(rounds):
        await lock.acquire()
        print(f"{name} has the lock (round {r})")
        await asyncio.sleep(0)
        print(f"{name} releases")
        lock.release()


async def main():
    lock = asyncio.Lock()
    t = asyncio.create_task(ticker(12))
    ws = [asyncio.create_task(worker(lock, n, 2)) for n in ("a", "b", "c")]
    await asyncio.gather(*ws)
    print(f"locked at the end: {lock.locked()}")
    await t


asyncio.run(main())
