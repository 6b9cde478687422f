# Cancelled Queue getters and putters lose nothing: a getter cancelled after
# put_nowait() woke it passes the wake-up to the next getter; a woken getter
# whose item was taken by get_nowait() waits again, at the back.
# C++: queue_cancel.cpp
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(f"{name} cancelled, qsize {q.qsize()}")
        raise
    print(f"{name} got {item}")


async def putter(q, name, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print(f"{name} cancelled, qsize {q.qsize()}")
        raise
    print(f"{name} put {item}")


async def main():
    q = asyncio.Queue()
    g = {n: asyncio.create_task(getter(q, n)) for n in "abcd"}
    await asyncio.sleep(0)
    g["b"].cancel()          # waiting, not woken
    q.put_nowait(1)          # wakes a
    g["a"].cancel()          # woken, not resumed: c is woken instead
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"qsize {q.qsize()}")
    q.put_nowait(2)          # wakes d
    print(f"stolen: {q.get_nowait()}")  # d finds the queue empty: waits again
    await asyncio.sleep(0)
    q.put_nowait(3)
    await g["d"]

    full = asyncio.Queue(1)
    full.put_nowait("x")
    p = {n: asyncio.create_task(putter(full, n, n)) for n in "pqr"}
    await asyncio.sleep(0)
    p["q"].cancel()
    print(f"got {full.get_nowait()}")   # wakes p
    p["p"].cancel()                     # woken, not resumed: r is woken
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"full holds {full.get_nowait()}, qsize {full.qsize()}")


asyncio.run(main())
