# A worker pool over a Queue: three workers, two joiners, task_done after
# each item; join() returns for both joiners in the order they joined, and
# the workers are then cancelled (virtual clock). C++: queue_join_workers.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def worker(q, name):
    try:
        while True:
            item = await q.get()
            await asyncio.sleep(item * 0.1)
            print(f"{now()} {name} finished {item}")
            q.task_done()
    except asyncio.CancelledError:
        print(f"{now()} {name} stops")
        raise


async def joiner(q, name):
    await q.join()
    print(f"{now()} {name} sees the queue joined")


async def main():
    q = asyncio.Queue()
    for item in (3, 1, 4, 1, 5, 9, 2, 6):
        q.put_nowait(item)
    ws = [asyncio.create_task(worker(q, f"w{i}")) for i in range(3)]
    js = [asyncio.create_task(joiner(q, n)) for n in ("j1", "j2")]
    await q.join()
    print(f"{now()} main joined")
    for w in ws:
        w.cancel()
    await asyncio.wait(ws + js)
    print(f"cancelled: {[w.cancelled() for w in ws]}")


vclock.run(main())
