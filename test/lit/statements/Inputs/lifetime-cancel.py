# Python twin of ../lifetime-cancel.cpp: try/finally stands for the C++
# destructors ("dtor NAME"), so the cancellation order is asyncio's.
import asyncio


async def inner(id):
    print(f"ctor inner{id}")
    try:
        await asyncio.sleep(0)
        print(f"inner {id} woke")
        await asyncio.sleep(10)
        print("not reached")
        print(f"use inner{id}")
    finally:
        print(f"dtor inner{id}")


async def worker(id):
    print(f"ctor worker{id}")
    try:
        print(f"ctor blk{id}")
        try:
            await asyncio.sleep(0)
            print(f"use blk{id}")
        finally:
            print(f"dtor blk{id}")
        await inner(id)
        print("not reached")
        print(f"use worker{id}")
    finally:
        print(f"dtor worker{id}")


async def main_coro():
    a = asyncio.create_task(worker(1))
    b = asyncio.create_task(worker(2))
    never = worker(3)
    c = asyncio.create_task(worker(4))
    c.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main cancels a")
    a.cancel()
    await asyncio.sleep(0)
    print(f"a cancelled {int(a.cancelled())}, c cancelled {int(c.cancelled())}, "
          f"b done {int(b.done())}")
    print("main returns")
    never.close()


print("begin")
asyncio.run(main_coro())
print("live 0")
