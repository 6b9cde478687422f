# Exceptions and async generators: one raised by the body reaches the
# awaiter of next() (the `async for`), after the body's own cleanup; the
# generator is finished afterwards (the next anext() ends at once); a body
# may catch what an awaited coroutine raises and go on yielding; an empty
# generator ends the loop at once. C++: agen_exceptions.cpp
import asyncio


class Boom(Exception):
    pass


async def fails(n):
    await asyncio.sleep(0)
    if n == 2:
        raise Boom(f"fails({n})")
    return n


async def gen_raises(limit):
    try:
        for i in range(5):
            await asyncio.sleep(0)
            if i == limit:
                raise Boom(f"gen at {i}")
            yield i
    finally:
        print("gen_raises cleanup")


async def gen_recovers():
    for i in range(4):
        try:
            v = await fails(i)
        except Boom as e:
            print(f"gen caught {e}")
            v = -1
        yield v


async def empty():
    print("empty runs")
    return
    yield 0


async def main():
    try:
        async for v in gen_raises(2):
            print(f"got {v}")
    except Boom as e:
        print(f"caught {e}")
    g = gen_raises(0)
    try:
        await anext(g)
    except Boom as e:
        print(f"first next raised {e}")
    print(f"then {await anext(g, None)}")
    async for v in gen_recovers():
        print(f"recovered {v}")
    async for v in empty():
        print("never")
    print("done")


asyncio.run(main())
