# call_soon_threadsafe from a worker thread: the callbacks run on the loop,
# in the order they were posted, and a future set from one of them wakes
# the task that awaits it.
# C++: call_soon_threadsafe.cpp
import asyncio
import threading


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    seen = []

    def worker():
        for i in range(3):
            loop.call_soon_threadsafe(seen.append, i)
        loop.call_soon_threadsafe(lambda: print(f"on the loop thread: {threading.current_thread() is threading.main_thread()}"))
        loop.call_soon_threadsafe(done.set_result, "from the worker")

    await asyncio.to_thread(worker)
    print(f"result: {await done}")
    print(f"seen: {seen}")


asyncio.run(main())
