# Python twin of ../cancel-finished-task.cpp.
import asyncio


async def value(v):
    print(f"ctor value{v}")
    try:
        await asyncio.sleep(0)
        return v
    finally:
        print(f"dtor value{v}")


async def main_coro():
    done = asyncio.create_task(value(1))
    v = await done
    print(f"done {int(done.done())} value {v}")
    c = done.cancel()
    print(f"cancel finished {int(c)}, cancelled {int(done.cancelled())}, "
          f"value again {await done}")

    early = asyncio.create_task(value(2))
    print(f"cancel before start {int(early.cancel())}")
    await asyncio.sleep(0)
    print(f"early done {int(early.done())} cancelled {int(early.cancelled())}")

    running = asyncio.create_task(value(3))
    await asyncio.sleep(0)
    print(f"cancel running {int(running.cancel())}")
    for i in range(2):
        try:
            await running
        except asyncio.CancelledError:
            print(f"await {i}: CancelledError, cancelled {int(running.cancelled())}")
    try:
        running.result()
    except asyncio.CancelledError:
        print("result(): CancelledError")
    print(f"cancel again {int(running.cancel())}")


asyncio.run(main_coro())
print("live 0")
