# Future: set_exception reaches every awaiter; cancel() makes every awaiter
# raise CancelledError; cancelling a task that awaits a future cancels the
# future (and so its other awaiters). C++: future_cancel.cpp
import asyncio


class Boom(Exception):
    pass


async def awaiter(fut, name):
    try:
        v = await fut
        print(f"{name} got {v}")
    except Boom as e:
        print(f"{name} raised Boom({e})")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    ts = [asyncio.create_task(awaiter(f1, n)) for n in "ab"]
    await asyncio.sleep(0)
    f1.set_exception(Boom("bad"))
    await asyncio.wait(ts)
    try:
        f1.result()
    except Boom:
        print("result() raises the exception")
    print(f"exception() is Boom: {isinstance(f1.exception(), Boom)}")

    f2 = loop.create_future()
    ts = [asyncio.create_task(awaiter(f2, n)) for n in "cd"]
    await asyncio.sleep(0)
    print(f"cancel: {f2.cancel()}, again: {f2.cancel()}")
    await asyncio.wait(ts)
    print(f"f2 cancelled {f2.cancelled()}, tasks cancelled {[t.cancelled() for t in ts]}")

    f3 = loop.create_future()
    ts = [asyncio.create_task(awaiter(f3, n)) for n in "ef"]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.wait(ts)
    print(f"f3 cancelled {f3.cancelled()}, tasks cancelled {[t.cancelled() for t in ts]}")

    f4 = loop.create_future()
    t = asyncio.create_task(awaiter(f4, "g"))
    await asyncio.sleep(0)
    f4.set_result(7)
    t.cancel()   # the future is done: the task gets CancelledError anyway
    await asyncio.wait([t])
    print(f"f4 result {f4.result()}, task cancelled {t.cancelled()}")


asyncio.run(main())
