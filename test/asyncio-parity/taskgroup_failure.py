# TaskGroup: the first child failure cancels the other children; the group
# waits for them and then raises (asyncio: an ExceptionGroup whose first
# exception is that one; awaitc: that exception). A child that catches the
# cancellation and finishes cleanly is waited for. C++: taskgroup_failure.cpp
import asyncio


class Boom(Exception):
    pass


async def child(name, hops, fail=False):
    try:
        for _ in range(hops):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        print(f"{name} fails")
        raise Boom(name)
    print(f"{name} ends")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn cleans up")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("stubborn done cleaning")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 5))
            tg.create_task(child("b", 1, fail=True))
            tg.create_task(child("c", 2, fail=True))
            tg.create_task(stubborn())
            tg.create_task(child("d", 0))
    except* Boom as eg:
        print(f"group raised Boom({eg.exceptions[0]})")
    print("after the group")


asyncio.run(main())
