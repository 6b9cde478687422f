# Cancelling a task that awaits to_thread: CancelledError reaches the task
# while the job, already running on its worker thread, goes on to its end
# (its result is dropped); wait_for around to_thread times out the same
# way; the loop is never blocked meanwhile (the main task awaits the
# threads' events through to_thread too). C++: to_thread_cancel.cpp
import asyncio
import threading


def job(name, started, release, finished):
    started.set()
    release.wait()
    finished.set()
    return f"{name} result"


async def waiter(name, started, release, finished):
    try:
        r = await asyncio.to_thread(job, name, started, release, finished)
        print(f"{name} got {r}")
    except asyncio.CancelledError:
        print(f"{name} cancelled, job finished: {finished.is_set()}")
        raise


async def main():
    started, release, finished = (threading.Event() for _ in range(3))
    t = asyncio.create_task(waiter("first", started, release, finished))
    await asyncio.to_thread(started.wait)  # the job is running
    print(f"cancel: {t.cancel()}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"task cancelled: {t.cancelled()}")
    release.set()
    await asyncio.to_thread(finished.wait)
    print(f"the job ran to its end: {finished.is_set()}")

    started, release, finished = (threading.Event() for _ in range(3))
    t = asyncio.create_task(waiter("second", started, release, finished))
    await asyncio.to_thread(started.wait)
    try:
        await asyncio.wait_for(t, 0.05)
    except TimeoutError:
        print("wait_for: TimeoutError")
    release.set()
    await asyncio.to_thread(finished.wait)
    print(f"the job ran to its end: {finished.is_set()}")

    started, release, finished = (threading.Event() for _ in range(3))
    release.set()
    await waiter("third", started, release, finished)


asyncio.run(main())
