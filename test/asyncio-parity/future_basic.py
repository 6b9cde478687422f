# Future: awaited by several tasks, set from a timer callback; done callbacks
# and awaiting tasks are woken in the order they were added; a done future
# is awaited at once. C++: future_basic.cpp
import asyncio
import vclock


async def awaiter(fut, name):
    print(f"{name} awaits")
    v = await fut
    print(f"{asyncio.get_running_loop().time():.2f} {name} got {v}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"callback 1 sees {f.result()}"))
    a = asyncio.create_task(awaiter(fut, "a"))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print(f"callback 2 sees {f.result()}"))
    b = asyncio.create_task(awaiter(fut, "b"))
    await asyncio.sleep(0)
    loop.call_later(1.5, fut.set_result, 42)
    print(f"done before: {fut.done()}")
    await a
    await b
    print(f"done after: {fut.done()}, result {fut.result()}")
    fut.add_done_callback(lambda f: print("late callback"))
    print(f"await done future: {await fut}")
    await asyncio.sleep(0)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("set_result twice: InvalidStateError")
    f2 = loop.create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError:
        print("result of a pending future: InvalidStateError")


vclock.run(main())
