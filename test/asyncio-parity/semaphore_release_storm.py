# Semaphore(0) with eight waiters and a storm of releases in one step: each
# release hands a unit to the next waiter not yet woken, in FIFO order; a
# newcomer arriving during the storm queues behind them (locked() is true
# while uncancelled waiters queue); a woken waiter cancelled before it
# resumes gives its unit on; the counter at each step. C++:
# semaphore_release_storm.cpp
import asyncio


async def worker(sem, name, log):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled, value {sem._value}")
        raise
    log.append(name)
    print(f"{name} acquired, value {sem._value}")


async def main():
    sem = asyncio.Semaphore(0)
    log = []
    ws = {f"w{i}": asyncio.create_task(worker(sem, f"w{i}", log)) for i in range(8)}
    await asyncio.sleep(0)
    print(f"locked {sem.locked()}, value {sem._value}")
    ws["w2"].cancel()             # queued, never woken
    for _ in range(5):
        sem.release()
    print(f"after 5 releases: value {sem._value}, locked {sem.locked()}")
    ws["late"] = asyncio.create_task(worker(sem, "late", log))
    ws["w1"].cancel()             # woken, not resumed: its unit goes on
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"order {log}, value {sem._value}")
    for _ in range(3):
        sem.release()
    print(f"after 3 more: value {sem._value}")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"order {log}, value {sem._value}, locked {sem.locked()}")
    pending = [n for n, t in ws.items() if not t.done()]
    print(f"pending {pending}")
    sem.release()
    sem.release()
    await asyncio.gather(*ws.values(), return_exceptions=True)
    print(f"all done: value {sem._value}, locked {sem.locked()}")


asyncio.run(main())
