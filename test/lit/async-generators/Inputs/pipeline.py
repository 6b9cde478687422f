# Oracle for pipeline.cpp: each stage owns the stage below it as
# `async with aclosing(...)`, as an AWAIT_EACH loop over a prvalue does.
import asyncio
from contextlib import aclosing


async def source(n, fail_at):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            if i == fail_at:
                raise RuntimeError("source failed")
            print(f"source {i}")
            yield i
    finally:
        print("close source")


async def doubled(n, fail_at):
    try:
        async with aclosing(source(n, fail_at)) as g:
            async for v in g:
                await asyncio.sleep(0)
                yield 2 * v
    finally:
        print("close doubled")


async def labelled(n, fail_at):
    try:
        async with aclosing(doubled(n, fail_at)) as g:
            async for v in g:
                yield f"#{v}"
    finally:
        print("close labelled")


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    async with aclosing(labelled(5, -1)) as g:
        async for s in g:
            print(f"got {s}")
            if s == "#2":
                break
    print("after break")
    await t
    try:
        async with aclosing(labelled(5, 1)) as g:
            async for s in g:
                print(f"got {s}")
    except RuntimeError as e:
        print(f"caught {e}")


asyncio.run(main())
