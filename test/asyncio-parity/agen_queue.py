# An async generator that awaits a Queue: two consumers, each iterating its
# own generator over one queue, take items in turns; task_done is called in
# the generator's cleanup (so join() counts items the consumer's body has
# finished with); a consumer cancelled while its generator waits in get()
# loses no item; one that breaks out of its loop closes the generator at the
# yield; a sentinel ends the generator. C++: agen_queue.cpp
import asyncio
import contextlib


async def items(q, name):
    try:
        while True:
            item = await q.get()
            if item is None:
                q.task_done()
                print(f"{name} gen sees the sentinel")
                return
            try:
                yield item
            finally:
                q.task_done()
    except asyncio.CancelledError:
        print(f"{name} gen cancelled in get(), qsize {q.qsize()}")
        raise
    finally:
        print(f"{name} gen closed")


async def consumer(q, name, limit=-1):
    taken = 0
    async with contextlib.aclosing(items(q, name)) as gen:
        async for item in gen:
            print(f"{name} got {item}")
            taken += 1
            if taken == limit:
                print(f"{name} breaks")
                break
            await asyncio.sleep(0)
    print(f"{name} done after {taken}")
    return taken


async def main():
    q = asyncio.Queue()
    c1 = asyncio.create_task(consumer(q, "c1"))
    c2 = asyncio.create_task(consumer(q, "c2"))
    await asyncio.sleep(0)
    for i in range(1, 6):
        q.put_nowait(i)
    await q.join()
    print(f"joined, qsize {q.qsize()}")

    c2.cancel()
    try:
        await c2
    except asyncio.CancelledError:
        print(f"c2 cancelled: {c2.cancelled()}")
    q.put_nowait(6)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    c3 = asyncio.create_task(consumer(q, "c3", limit=1))
    q.put_nowait(7)
    q.put_nowait(8)
    q.put_nowait(None)
    print(f"c1 took {await c1}, c3 took {await c3}")
    await q.join()
    print(f"left: {q.qsize()}, joined again")


asyncio.run(main())
