# Python twin of ../cancel-awaiting-child.cpp.
import asyncio, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vloop import run


def now():
    return f"{asyncio.get_running_loop().time():g}"


async def grandchild():
    print("ctor grandchild")
    try:
        await asyncio.sleep(100)
        return 1
    finally:
        print("dtor grandchild")


async def child():
    print("ctor child")
    try:
        try:
            print("ctor child-try")
            try:
                return await grandchild() + 1
            finally:
                print("dtor child-try")
        except asyncio.CancelledError:
            print("child handler")
            raise
    finally:
        print("dtor child")


async def parent():
    print("ctor parent")
    try:
        try:
            v = await child()
            print(f"not reached {v}")
        except asyncio.CancelledError:
            print(f"parent handler at {now()}")
            await asyncio.sleep(2)
            print(f"parent done at {now()}")
        return 7
    finally:
        print("dtor parent")


async def main_coro():
    t = asyncio.create_task(parent())
    await asyncio.sleep(3)
    print(f"cancel {int(t.cancel())}")
    v = await t
    print(f"parent returned {v}, cancelled {int(t.cancelled())}")


run(main_coro())
print("live 0")
