# TaskGroup: a child cancelled from outside (not by the group) does not
# abort the group: its siblings run on, a sibling that awaits it gets
# CancelledError (and so ends cancelled too, which the group also ignores),
# and the parent's wait ends normally once every child is done. A child
# that catches its cancellation and returns counts as finished normally.
# C++: taskgroup_child_cancelled.cpp
import asyncio


async def worker(name, hops):
    try:
        for _ in range(hops):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} ends")
    return name


async def waits_for(name, other):
    try:
        r = await other
        print(f"{name} got {r}")
    except asyncio.CancelledError:
        print(f"{name}: awaited task was cancelled")
        raise


async def catches(name):
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f"{name} caught its cancellation")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 5))
        b = tg.create_task(worker("b", 3))
        w = tg.create_task(waits_for("w", a))
        c = tg.create_task(catches("c"))
        await asyncio.sleep(0)
        print(f"cancel a: {a.cancel()}")
        print(f"cancel c: {c.cancel()}")
        print("parent waits")
    print(f"group done: a cancelled {a.cancelled()}, w cancelled {w.cancelled()}, "
          f"b result {b.result()}, c result {c.result()}")

    async with asyncio.TaskGroup() as tg:
        d = tg.create_task(worker("d", 4))
        e = tg.create_task(worker("e", 2))

        async def canceller():
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            print(f"cancel d: {d.cancel()}")
        tg.create_task(canceller())
        print("parent waits")
    print(f"second group done: d cancelled {d.cancelled()}, e result {e.result()}")


asyncio.run(main())
