# Python twin of ../wait-for.cpp (CPython 3.11's asyncio.wait_for).
import asyncio, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vloop import run


def now():
    return f"{asyncio.get_running_loop().time():g}"


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def work(name, seconds, v):
    print(f"ctor {name}")
    try:
        try:
            await asyncio.sleep(seconds)
        except asyncio.CancelledError:
            print(f"{name} cancelled at {now()}")
            raise
        print(f"{name} finished at {now()}")
        return v
    finally:
        print(f"dtor {name}")


async def waiter(inner):
    try:
        await asyncio.wait_for(inner, 50)
    except asyncio.CancelledError:
        print(f"waiter cancelled, inner cancelled {int(inner.cancelled())}")
        raise


async def main_coro():
    asyncio.create_task(ticker(4))
    v = await asyncio.wait_for(work("quick", 0, 1), 5)
    print(f"quick gave {v} at {now()}")

    try:
        v = await asyncio.wait_for(work("slow", 10, 2), 1.5)
        print(f"not reached {v}")
    except asyncio.TimeoutError:
        print(f"TimeoutError at {now()}")

    task = asyncio.create_task(work("task", 2, 3))
    v = await asyncio.wait_for(task, 3)
    print(f"task gave {v} at {now()}")

    try:
        await asyncio.wait_for(work("never", 1, 4), 0)
    except Exception as e:
        print(f"zero timeout: awaitc::{type(e).__name__}")

    inner = asyncio.create_task(work("inner", 100, 5))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"waiter task cancelled {int(w.cancelled())} at {now()}")


run(main_coro())
print("live 0")
