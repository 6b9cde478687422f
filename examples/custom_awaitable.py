# Twin of custom_awaitable.cpp: the same one-shot Signal on asyncio futures.
import asyncio


class Signal:
    def __init__(self):
        self._set = False
        self._waiters = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        waiters, self._waiters = self._waiters, []
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    async def wait(self):
        if self._set:
            return
        fut = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
        finally:
            if fut in self._waiters:
                self._waiters.remove(fut)


async def waiter(signal, name):
    print(f"{name} waits")
    try:
        await signal.wait()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} woke")


async def main_coro():
    signal = Signal()
    a = asyncio.create_task(waiter(signal, "a"))
    b = asyncio.create_task(waiter(signal, "b"))
    c = asyncio.create_task(waiter(signal, "c"))
    await asyncio.sleep(0)  # all three wait now
    c.cancel()
    await asyncio.sleep(0)
    print(f"c cancelled: {c.cancelled()}")
    signal.set()
    print("set")
    await a
    await b
    await signal.wait()  # set already: returns at once
    print("done")


asyncio.run(main_coro())
