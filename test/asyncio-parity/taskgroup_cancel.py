# TaskGroup: cancelling the parent while it waits cancels the children,
# waits for them, then raises CancelledError; a child failing during that
# wins over the cancellation. C++: taskgroup_cancel.cpp
import asyncio


class Boom(Exception):
    pass


async def child(name, hops, fail_on_cancel=False):
    try:
        for _ in range(hops):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        if fail_on_cancel:
            raise Boom(name)
        raise
    print(f"{name} ends")


async def parent(fail_on_cancel):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x", 5))
            tg.create_task(child("y", 5, fail_on_cancel))
            tg.create_task(child("z", 1))
    except asyncio.CancelledError:
        print("parent: CancelledError")
        raise
    except BaseExceptionGroup as eg:
        print(f"parent: Boom({eg.exceptions[0]})")


async def main():
    for fail in (False, True):
        p = asyncio.create_task(parent(fail))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        p.cancel()
        try:
            await p
        except asyncio.CancelledError:
            pass
        print(f"parent cancelled: {p.cancelled()}")


asyncio.run(main())
