# Oracle for each-nested.cpp.
import asyncio


async def rng(a, b):
    for i in range(a, b):
        await asyncio.sleep(0)
        yield i


async def each_of(values):
    for v in values:
        await asyncio.sleep(0)
        yield v


async def sum_gen(gen, zero):
    total = zero
    async for v in gen:
        total += v
    return total


async def limit():
    await asyncio.sleep(0)
    return 3


async def count_from(base, to):
    n = 0
    async for v in rng(base, to):
        n += 1 if v > base else 0
    return n


async def main():
    print("-- nested")
    async for i in rng(1, 3):
        async for j in rng(0, i):
            print(f"{i}.{j}")
    print("-- AWAIT in the generator expression")
    async for v in rng(0, await limit()):
        print(f"v {v}")
    print("-- try/catch")
    try:
        async for v in rng(0, 5):
            print(f"try {v}")
            if v == 1:
                raise RuntimeError("one")
    except RuntimeError as e:
        print(f"caught {e}")
    print("-- switch and while")
    rnd = 0
    while rnd < 3:
        if rnd == 1:
            async for v in rng(10, 12):
                print(f"case 1: {v}")
        else:
            async for v in rng(20, 21):
                if rnd == 2:
                    continue
                print(f"default: {v}")
        rnd += 1
    print("-- templates")
    print(f"sum {await sum_gen(each_of([1, 2, 3]), 0)}")
    print(f"sum {await sum_gen(each_of(['a', 'b', 'c']), '')}")
    print("-- member")
    print(f"counted {await count_from(2, 6)}")
    print("-- lvalue generator")
    g = rng(0, 5)
    async for v in g:
        print(f"first loop {v}")
        if v == 1:
            break
    nxt = await anext(g, None)
    print(f"next() {nxt if nxt is not None else -1}")
    async for v in g:
        print(f"second loop {v}")
    print(f"done {1 if g.ag_frame is None else 0}")


asyncio.run(main())
