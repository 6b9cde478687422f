# The oracle of task-group-tasks.cpp.
import asyncio


async def child(id, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print(f"child {id} ends")
    return id * 10


async def side(id):
    await asyncio.sleep(0)
    print(f"side {id} ends")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(side(1))
        tg.create_task(child(2, 1))
        a = tg.create_task(child(3, 2))
        b = tg.create_task(child(4, 3))
        direct = await tg.create_task(child(5, 1))
        print(f"direct {direct}")
        through_auto = await a
        print(f"auto {through_auto}")
        c = tg.create_task(child(6, 1))
        d = tg.create_task(child(7, 2))
        x, y = await asyncio.gather(c, d)
        print(f"gather {x} {y}")
        e = tg.create_task(child(8, 1))
        print(f"wait_for {await asyncio.wait_for(e, 5.0)}")
        f = tg.create_task(child(9, 1))
        print(f"shield {await asyncio.shield(f)}")
        g = tg.create_task(child(11, 1))
        done, pending = await asyncio.wait([g, b])
        print(f"wait {len(done)} done {len(pending)} pending")
    print(f"group done {b.result()} {g.result()}")


asyncio.run(main())
