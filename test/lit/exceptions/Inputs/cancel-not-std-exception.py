# Python twin of ../cancel-not-std-exception.cpp: `except Exception` stands
# for catch (const std::exception &); try/finally for the destructors.
import asyncio, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vloop import run


async def guarded(id):
    print(f"ctor guarded{id}")
    try:
        try:
            try:
                print(f"ctor inner-try{id}")
                try:
                    await asyncio.sleep(5)
                finally:
                    print(f"dtor inner-try{id}")
            except RuntimeError:
                print("runtime_error handler")
            except Exception as e:
                print(f"std::exception handler: {e}")
                await asyncio.sleep(0)
            print("not reached")
        except asyncio.CancelledError:
            print(f"guarded {id} sees CancelledError")
            await asyncio.sleep(0)
            print(f"guarded {id} rethrows")
            raise
    finally:
        print(f"dtor guarded{id}")


async def main_coro():
    t = asyncio.create_task(guarded(1))
    await asyncio.sleep(1)
    print(f"cancel {int(t.cancel())}")
    try:
        await t
    except Exception:
        print("not reached: std::exception")
    except asyncio.CancelledError:
        print(f"main: CancelledError, cancelled {int(t.cancelled())}")


run(main_coro())
print("live 0")
