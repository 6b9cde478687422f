# Leaving an `async for` early (break, return, an exception) closes the
# generator at once: the body's cleanup (finally) runs at the yield where it
# is suspended, innermost first, before the code after the loop. awaitc's
# AWAIT_EACH(gen()) owns the generator as `async with aclosing(gen())` does;
# its destructors are the finally blocks. C++: agen_break_cleanup.cpp
import asyncio
from contextlib import aclosing


class Resource:
    def __init__(self, name):
        self.name = name
        print(f"open {name}")

    def close(self):
        print(f"close {self.name}")


async def rows(name, n):
    outer = Resource(f"{name}.conn")
    try:
        for i in range(n):
            inner = Resource(f"{name}.row{i}")
            try:
                await asyncio.sleep(0)
                yield i
            finally:
                inner.close()
        print(f"{name} exhausted")
    finally:
        outer.close()


async def first_over(limit):
    async with aclosing(rows("ret", 5)) as g:
        async for v in g:
            if v > limit:
                return v
    return -1


async def main():
    async with aclosing(rows("brk", 5)) as g:
        async for v in g:
            print(f"brk got {v}")
            if v == 1:
                print("break")
                break
    print("after break")
    print(f"returned {await first_over(0)}")
    try:
        async with aclosing(rows("exc", 5)) as g:
            async for v in g:
                if v == 2:
                    raise ValueError("stop at 2")
    except ValueError as e:
        print(f"caught {e}")
    async with aclosing(rows("all", 2)) as g:
        async for v in g:
            print(f"all got {v}")
    print("done")


asyncio.run(main())
