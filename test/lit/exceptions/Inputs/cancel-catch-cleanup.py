# Python twin of ../cancel-catch-cleanup.cpp: try/finally stands for the C++
# destructors ("dtor NAME").
import asyncio, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vloop import run


async def worker(id, rethrow):
    print(f"ctor worker{id}")
    try:
        try:
            print(f"ctor try{id}")
            try:
                await asyncio.sleep(10)
                print("not reached")
            finally:
                print(f"dtor try{id}")
        except BaseException:
            print(f"ctor cleanup{id}")
            try:
                print(f"worker {id} cleaning up")
                await asyncio.sleep(1)
                await asyncio.sleep(0)
                print(f"worker {id} cleaned up at {asyncio.get_running_loop().time():g}")
                if rethrow:
                    raise
                return -id
            finally:
                print(f"dtor cleanup{id}")
        return id
    finally:
        print(f"dtor worker{id}")


async def main_coro():
    a = asyncio.create_task(worker(1, False))
    b = asyncio.create_task(worker(2, True))
    await asyncio.sleep(0)
    print(f"cancel a {int(a.cancel())}, b {int(b.cancel())}")
    v = await a
    print(f"a returned {v}, cancelled {int(a.cancelled())}")
    try:
        await b
        print("not reached")
    except asyncio.CancelledError:
        print(f"b raised CancelledError, cancelled {int(b.cancelled())}")


run(main_coro())
print("live 0")
