# call_soon / call_later handles: cancelled callbacks never run; order of
# equal deadlines is scheduling order; callbacks and task wake-ups share
# the one ready queue. C++: handles.cpp
import asyncio
import vclock


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "soon 1")
    h2 = loop.call_soon(print, "soon 2 (cancelled)")
    h3 = loop.call_soon(print, "soon 3")
    h2.cancel()
    print(f"h2 cancelled: {h2.cancelled()}, h1 cancelled: {h1.cancelled()}")
    t1 = loop.call_later(1.0, print, "later 1.0 a")
    t2 = loop.call_later(0.5, print, "later 0.5")
    t3 = loop.call_later(1.0, print, "later 1.0 b (cancelled)")
    t4 = loop.call_later(1.0, print, "later 1.0 c")
    t3.cancel()
    print(f"t1 when {t1.when():.2f}")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(2)
    h3.cancel()  # already ran: no effect
    t1.cancel()
    print(f"{loop.time():.2f} end, t1 cancelled {t1.cancelled()}")


vclock.run(main())
