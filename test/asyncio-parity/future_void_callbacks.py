# Future[None] completed from a call_soon callback; done callbacks added
# before and after completion; set_exception reaches the awaiter and
# exception(); a cancelled future's callbacks still run.
# C++: future_void_callbacks.cpp
import asyncio


class Boom(Exception):
    pass


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: print(f"callback A, done {fut.done()}"))
    loop.call_soon(print, "soon before set")
    loop.call_soon(f.set_result, None)
    loop.call_soon(print, "soon after set")
    r = await f
    print(f"awaited: {r}")
    f.add_done_callback(lambda fut: print("callback B (added when done)"))
    await asyncio.sleep(0)

    g = loop.create_future()
    loop.call_soon(g.set_exception, Boom("late"))
    try:
        await g
    except Boom as e:
        print(f"awaited exception: Boom({e})")
    print(f"exception(): Boom({g.exception()})")

    h = loop.create_future()
    h.add_done_callback(lambda fut: print(f"callback C, cancelled {fut.cancelled()}"))
    print(f"cancel: {h.cancel()}")
    await asyncio.sleep(0)
    try:
        h.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled future: CancelledError")


asyncio.run(main())
