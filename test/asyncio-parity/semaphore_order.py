# Semaphore(2) shared by five workers with different durations (virtual
# clock): who runs when, and the counter as they come and go.
# C++: semaphore_order.cpp
import asyncio
import vclock


async def worker(sem, name, duration):
    print(f"{asyncio.get_running_loop().time():.2f} {name} wants, locked={sem.locked()}")
    await sem.acquire()
    print(f"{asyncio.get_running_loop().time():.2f} {name} runs, value={sem._value}")
    await asyncio.sleep(duration)
    sem.release()
    print(f"{asyncio.get_running_loop().time():.2f} {name} done, value={sem._value}")


async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(worker(sem, n, d))
          for n, d in (("a", 1.0), ("b", 0.5), ("c", 0.25), ("d", 2.0), ("e", 0.5))]
    for t in ts:
        await t
    print(f"value={sem._value} locked={sem.locked()}")


vclock.run(main())
