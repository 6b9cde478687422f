# An async generator driven by hand with anext(): lazy (nothing runs before
# the first anext), shared by tasks, anext while another anext of it is
# still running raises RuntimeError (the running one goes on), and after the
# end every anext gives the default at once. C++: agen_next_by_hand.cpp
import asyncio


async def numbers(n):
    print("gen starts")
    for i in range(n):
        await asyncio.sleep(0)
        print(f"gen yields {i}")
        yield i * 10
    print("gen ends")


async def taker(name, g, count):
    for _ in range(count):
        v = await anext(g, None)
        print(f"{name} took {v}")
        await asyncio.sleep(0)


async def intruder(g):
    try:
        await anext(g, None)
    except RuntimeError as e:
        print(f"intruder: RuntimeError: {e}")


async def main():
    g = numbers(4)
    print("created")
    await asyncio.sleep(0)
    print(f"main took {await anext(g, None)}")
    c = asyncio.create_task(taker("c", g, 1))
    i = asyncio.create_task(intruder(g))
    await c
    await i
    while (v := await anext(g, None)) is not None:
        print(f"main took {v}")
    for _ in range(2):
        print(f"after end: {await anext(g, None)}")


asyncio.run(main())
