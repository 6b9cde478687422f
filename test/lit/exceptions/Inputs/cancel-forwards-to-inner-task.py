# Python twin of ../cancel-forwards-to-inner-task.cpp.
import asyncio, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vloop import run


def now():
    return f"{asyncio.get_running_loop().time():g}"


async def leaf():
    print("ctor leaf")
    try:
        try:
            await asyncio.sleep(50)
        except asyncio.CancelledError:
            print(f"leaf cancelled at {now()}")
            await asyncio.sleep(1)
            print(f"leaf rethrows at {now()}")
            raise
        return 1
    finally:
        print("dtor leaf")


async def middle():
    print("ctor middle")
    try:
        inner = asyncio.create_task(leaf())
        try:
            return await inner
        except asyncio.CancelledError:
            print(f"middle cancelled, leaf cancelled {int(inner.cancelled())}")
            raise
    finally:
        print("dtor middle")


async def top():
    print("ctor top")
    try:
        inner = asyncio.create_task(middle())
        try:
            return await inner
        except asyncio.CancelledError:
            print(f"top cancelled, middle cancelled {int(inner.cancelled())}")
            raise
    finally:
        print("dtor top")


async def main_coro():
    t = asyncio.create_task(top())
    await asyncio.sleep(2)
    print(f"cancel top {int(t.cancel())}")
    print(f"cancel top again {int(t.cancel())}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"main: top cancelled {int(t.cancelled())} at {now()}")


run(main_coro())
print("live 0")
