# Oracle for next-by-hand.cpp.
import asyncio


class Tracer:
    live = 0

    def __init__(self, name):
        self.name = name
        Tracer.live += 1
        print(f"ctor {name}")

    def close(self):
        Tracer.live -= 1
        print(f"dtor {self.name}")


async def numbers(n):
    t = Tracer(f"gen{n}")
    try:
        print("gen start")
        for i in range(n):
            await asyncio.sleep(0)
            print(f"gen yields {i}")
            yield i * 10
        print("gen end")
    finally:
        t.close()


async def other():
    for i in range(3):
        print(f"other {i}")
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(other())
    g = numbers(2)
    print("created")
    while True:
        v = await anext(g, None)
        if v is None:
            break
        print(f"got {v}")
    again = await anext(g, None)
    print(f"again empty {1 if again is None else 0}")
    await t


asyncio.run(main())
print(f"live {Tracer.live}")
