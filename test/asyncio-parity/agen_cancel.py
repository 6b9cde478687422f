# Cancelling a task while it iterates an async generator. If the generator
# is suspended in an await of its own (inside next()), CancelledError is
# raised there, in the generator, runs its handler and cleanup, and reaches
# the `async for`. If the loop's body is the one waiting, CancelledError is
# raised in the body, and leaving the loop closes the generator at its
# yield (cleanup only: no CancelledError in the generator). C++:
# agen_cancel.cpp
import asyncio
from contextlib import aclosing


async def source(name, ev, wait_in_gen):
    try:
        print(f"{name} yields 1")
        yield 1
        if wait_in_gen:
            print(f"{name} gen waits")
            await ev.wait()
        print(f"{name} yields 2")
        yield 2
    except asyncio.CancelledError:
        print(f"{name} gen cancelled")
        raise
    finally:
        print(f"{name} gen cleanup")


async def consumer(name, ev, wait_in_gen):
    try:
        async with aclosing(source(name, ev, wait_in_gen)) as g:
            async for v in g:
                print(f"{name} got {v}")
                if not wait_in_gen:
                    print(f"{name} body waits")
                    await ev.wait()
    except asyncio.CancelledError:
        print(f"{name} consumer cancelled")
        raise


async def main():
    ev = asyncio.Event()
    for name, wait_in_gen in (("in-gen", True), ("in-body", False)):
        t = asyncio.create_task(consumer(name, ev, wait_in_gen))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(f"cancel {name}: {t.cancel()}")
        try:
            await t
        except asyncio.CancelledError:
            print(f"{name} task cancelled: {t.cancelled()}")


asyncio.run(main())
