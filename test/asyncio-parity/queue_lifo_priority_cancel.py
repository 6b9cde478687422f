# LifoQueue and PriorityQueue waiters cancelled: a getter cancelled while
# waiting takes nothing; one cancelled after put_nowait() woke it passes the
# wake-up on and the item stays for the next getter (newest / smallest
# first); a putter blocked on a full queue and cancelled leaves no item.
# C++: queue_lifo_priority_cancel.cpp
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


def drain(label, q):
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    print(f"{label} left: {items}")


async def run_getters(label, q):
    print(f"-- {label}")
    g = {n: asyncio.create_task(getter(q, n)) for n in "abcd"}
    await asyncio.sleep(0)
    g["b"].cancel()          # waiting, never woken
    q.put_nowait(5)          # wakes a
    q.put_nowait(3)          # wakes c (b, cancelled, is skipped)
    g["a"].cancel()          # woken, not resumed: passes the wake-up to d
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"done: {[n for n in 'abcd' if g[n].done()]}")
    q.put_nowait(4)
    q.put_nowait(6)
    drain(label, q)


async def run_putters(label, q):
    print(f"-- {label} full")
    q.put_nowait(2)
    q.put_nowait(1)
    p = {n: asyncio.create_task(putter(q, n, i)) for n, i in (("p", 9), ("q", 0), ("r", 7))}
    await asyncio.sleep(0)
    p["q"].cancel()          # waiting: its 0 never goes in
    print(f"got {q.get_nowait()}")   # wakes p
    p["p"].cancel()          # woken, not resumed: r gets the slot
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"full {q.full()}, qsize {q.qsize()}")
    drain(label, q)


async def main():
    await run_getters("lifo", asyncio.LifoQueue())
    await run_getters("priority", asyncio.PriorityQueue())
    await run_putters("lifo", asyncio.LifoQueue(2))
    await run_putters("priority", asyncio.PriorityQueue(2))


asyncio.run(main())
