# A waiter woken by set() still returns if clear() comes before it resumes;
# a cancelled waiter gets CancelledError and the event is unchanged.
# C++: event_clear_cancel.cpp
import asyncio


async def waiter(ev, name):
    try:
        await ev.wait()
        print(f"{name} woke, set={ev.is_set()}")
    except asyncio.CancelledError:
        print(f"{name} cancelled, set={ev.is_set()}")
        raise


async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(waiter(ev, "a"))
    b = asyncio.create_task(waiter(ev, "b"))
    c = asyncio.create_task(waiter(ev, "c"))
    await asyncio.sleep(0)
    print(f"cancel b: {b.cancel()}")
    ev.set()
    ev.clear()
    print(f"cancel c after set: {c.cancel()}")
    await asyncio.sleep(0)
    print(f"a done={a.done()} b cancelled={b.cancelled()} c cancelled={c.cancelled()}")
    d = asyncio.create_task(waiter(ev, "d"))
    await asyncio.sleep(0)
    print(f"d waiting: {not d.done()}")
    ev.set()
    await d


asyncio.run(main())
