# shield inside a TaskGroup: when a sibling fails, the group cancels the
# child that awaits a shielded task; the child gets CancelledError, but the
# shielded work runs on past the group's end and keeps its result. Work
# created by the group itself is cancelled with it. (virtual clock)
# C++: shield_taskgroup.cpp
import asyncio
import vclock


class Boom(Exception):
    pass


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{now()} work {name} cancelled")
        raise
    print(f"{now()} work {name} done")
    return f"{name}-result"


async def guarded(inner):
    try:
        r = await asyncio.shield(inner)
        print(f"{now()} guarded got {r}")
    except asyncio.CancelledError:
        print(f"{now()} guarded cancelled, inner done: {inner.done()}")
        raise


async def failing(seconds):
    await asyncio.sleep(seconds)
    print(f"{now()} failing raises")
    raise Boom("bad")


async def main():
    inner = asyncio.create_task(work("shielded", 3))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(guarded(inner))
            plain = tg.create_task(work("plain", 3))
            tg.create_task(failing(1))
    except* Boom:
        print(f"{now()} group raised Boom")
    print(f"plain cancelled {plain.cancelled()}, inner done {inner.done()}")
    r = await inner
    print(f"{now()} inner gave {r}")

    # the shielded task finishes first: the child gets its result
    inner = asyncio.create_task(work("quick", 0.5))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(guarded(inner))
        tg.create_task(work("slow", 1))
    print(f"{now()} second group done")


vclock.run(main())
