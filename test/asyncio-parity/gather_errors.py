# gather: the first child exception propagates at once while the other
# children keep running; a cancelled child makes gather raise
# CancelledError; cancelling the awaiting task cancels the children.
# C++: gather_errors.cpp
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
    return name


async def main():
    slow = asyncio.create_task(child("slow", 4))
    try:
        await asyncio.gather(child("x", 1, fail=True), slow, child("y", 2, fail=True))
    except Boom as e:
        print(f"gather raised Boom({e}), slow done: {slow.done()}")
    print(f"slow result: {await slow}")

    victim = asyncio.create_task(child("victim", 5))
    other = asyncio.create_task(child("other", 3))
    g = asyncio.gather(victim, other)
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print(f"gather with a cancelled child: CancelledError, other done: {other.done()}")
    await other

    async def outer():
        try:
            await asyncio.gather(child("p", 3), child("q", 5))
        except asyncio.CancelledError:
            print("outer got CancelledError")
            raise
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print(f"outer cancelled: {o.cancelled()}")


asyncio.run(main())
