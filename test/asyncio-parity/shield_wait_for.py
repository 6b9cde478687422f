# wait_for around a shielded task: the timeout cancels the shield, not the
# work, which finishes later and keeps its result (virtual clock).
# C++: shield_wait_for.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def save(n):
    await asyncio.sleep(2)
    print(f"{now()} saved {n}")
    return n * 2


async def guarded(t):
    return await asyncio.shield(t)


async def main():
    t = asyncio.create_task(save(21))
    try:
        await asyncio.wait_for(guarded(t), 0.5)
    except TimeoutError:
        print(f"{now()} timed out, work done: {t.done()}")
    print(f"{now()} result {await t}")
    u = asyncio.create_task(save(5))
    print(f"{now()} in time: {await asyncio.wait_for(guarded(u), 3)}")


vclock.run(main())
