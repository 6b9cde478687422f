# to_thread: results and exceptions come back to the awaiting task; the
# loop goes on meanwhile (a ticker keeps running while a job blocks); jobs
# gathered run at the same time and give their results in order.
# C++: to_thread_basic.cpp
import asyncio
import threading
import time


def square(x):
    return x * x


def fail():
    raise ValueError("bad input")


def blocking(seconds, started):
    started.set()
    time.sleep(seconds)
    return "slept"


async def main():
    print(f"square: {await asyncio.to_thread(square, 7)}")
    try:
        await asyncio.to_thread(fail)
    except ValueError as e:
        print(f"error: {e}")
    results = await asyncio.gather(*(asyncio.to_thread(square, i) for i in range(5)))
    print(f"gathered: {results}")
    started = threading.Event()
    job = asyncio.create_task(asyncio.to_thread(blocking, 0.2, started))
    while not started.is_set():
        await asyncio.sleep(0.001)
    print(f"job running, done={job.done()}")
    print(f"job: {await job}")
    print(f"other thread: {await asyncio.to_thread(lambda: threading.current_thread() is not threading.main_thread())}")


asyncio.run(main())
