# Condition.wait_for(predicate) between a producer and two consumers; the
# predicate is tested under the lock after each notification.
# C++: condition_wait_for.cpp
import asyncio
import vclock

items = []


async def consumer(cond, name, want):
    async with cond:
        n = await cond.wait_for(lambda: len(items) >= want)
        print(f"{asyncio.get_running_loop().time():.2f} {name} sees {n} items")
        got = items.pop(0)
        print(f"{name} took {got}")


async def producer(cond):
    for i in range(4):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(i)
            print(f"{asyncio.get_running_loop().time():.2f} put {i}")
            cond.notify_all()


async def main():
    cond = asyncio.Condition()
    cs = [asyncio.create_task(consumer(cond, "x", 2)),
          asyncio.create_task(consumer(cond, "y", 3))]
    await producer(cond)
    for c in cs:
        await c
    print(f"left: {items}")


vclock.run(main())
