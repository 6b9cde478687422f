# Oracle for cancel-abandon.cpp: Tracer destructors are finally blocks; the
# loop owns its generator as `async with aclosing(...)`; dropping or
# replacing a generator closes it at once (aclose()).
import asyncio
import os
import sys
from contextlib import aclosing

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "exceptions", "Inputs"))
from vloop import run  # noqa: E402

live = 0


class Tracer:
    def __init__(self, name):
        global live
        self.name = name
        live += 1
        print(f"ctor {name}")

    def close(self):
        global live
        live -= 1
        print(f"dtor {self.name}")


async def source(name, wait_in_gen):
    outer = Tracer(name)
    try:
        for i in range(3):
            inner = Tracer(f"item{i}")
            try:
                try:
                    await asyncio.sleep(10 if wait_in_gen and i == 1 else 0)
                except asyncio.CancelledError:
                    print(f"{name}: CancelledError in the generator")
                    raise
                yield i
            finally:
                inner.close()
    finally:
        outer.close()


async def consumer(name, wait_in_gen):
    before = Tracer("consumer")
    try:
        try:
            async with aclosing(source(name, wait_in_gen)) as g:
                async for v in g:
                    body = Tracer(f"body{v}")
                    try:
                        if not wait_in_gen:
                            await asyncio.sleep(10)
                    finally:
                        body.close()
        except asyncio.CancelledError:
            print(f"{name}: CancelledError in the consumer")
            raise
    finally:
        before.close()


async def main():
    for i, name in enumerate(("in-gen", "in-body")):
        t = asyncio.create_task(consumer(name, i == 0))
        await asyncio.sleep(1)
        print(f"cancel {name}")
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print(f"{name} cancelled")
    print("-- dropped")
    g = source("dropped", False)
    v = await anext(g, None)
    print(f"got {v}, drop")
    await g.aclose()
    print("-- reassigned")
    g = source("first", False)
    print(f"got {await anext(g, None)}")
    new = source("second", False)
    await g.aclose()
    g = new
    print(f"got {await anext(g, None)}")
    print("end of main")
    await g.aclose()


run(main())
print(f"live {live}")
