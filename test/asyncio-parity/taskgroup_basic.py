# TaskGroup: wait for every child (including one created by a child while
# the group waits); the parent resumes one iteration after the last child's
# done callback. C++: taskgroup_basic.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def child(name, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print(f"{name} ends")
    return len(name) * hops


async def spawner(tg):
    await asyncio.sleep(0)
    print("spawner adds a task")
    tg.create_task(child("late", 3))


async def main():
    t = asyncio.create_task(ticker(12))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 2))
        bb = tg.create_task(child("bb", 1))
        tg.create_task(spawner(tg))
        print("body done")
    print(f"group done: {a.result()} {bb.result()}")
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group done")
    try:
        tg.create_task(child("x", 0))
    except RuntimeError:
        print("create_task on a finished group: error")
    await t


asyncio.run(main())
