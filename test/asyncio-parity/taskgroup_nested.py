# Nested TaskGroups: an inner group's failure cancels its siblings, comes out
# of the inner wait, fails the child of the outer group, and so cancels the
# outer group's other children. C++: taskgroup_nested.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


class Boom(Exception):
    pass


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise
    print(f"{now()} {name} done")


async def failer(name, delay):
    await asyncio.sleep(delay)
    print(f"{now()} {name} fails")
    raise Boom(name)


async def inner_group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("inner-long", 5))
            tg.create_task(failer("inner-bad", 1))
    except BaseExceptionGroup as eg:
        print(f"{now()} inner group raised Boom({eg.exceptions[0]})")
        raise eg.exceptions[0]


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("outer-long", 10))
            tg.create_task(sleeper("outer-short", 0.5))
            tg.create_task(inner_group())
    except BaseExceptionGroup as eg:
        print(f"{now()} outer group raised Boom({eg.exceptions[0]})")


vclock.run(main())
