# Queue misuse and the non-waiting calls: QueueEmpty, QueueFull, task_done()
# too often, join() with nothing unfinished, and maxsize <= 0 unbounded.
# C++: queue_errors.cpp
import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait on empty: QueueEmpty")
    q.put_nowait(5)
    try:
        q.put_nowait(6)
    except asyncio.QueueFull:
        print("put_nowait on full: QueueFull")
    print(f"qsize {q.qsize()} full {q.full()} maxsize {q.maxsize}")
    print(f"got {await q.get()}")
    q.task_done()
    try:
        q.task_done()
    except ValueError:
        print("task_done too often: ValueError")
    await q.join()
    print("join with nothing unfinished returns at once")
    u = asyncio.Queue(0)
    for i in range(1000):
        u.put_nowait(i)
    print(f"unbounded: qsize {u.qsize()} full {u.full()}")
    n = asyncio.Queue(-3)
    n.put_nowait(1)
    print(f"negative maxsize: full {n.full()}")


asyncio.run(main())
