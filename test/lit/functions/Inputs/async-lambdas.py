# The asyncio twin of async-lambdas.cpp: the same tasks, in the same order.
import asyncio


async def later(v):
    await asyncio.sleep(0)
    return v


async def ticker(name, n):
    for i in range(n):
        print("%s %d" % (name, i))
        await asyncio.sleep(0)


def spawn_adder(base, log):
    async def adder(x):
        log.append("a")
        y = await later(x)
        log.append("b")
        return base + y
    return asyncio.create_task(adder(5))


class Counter:
    def __init__(self):
        self.hits = 0

    def start(self, k):
        async def go():
            await asyncio.sleep(0)
            self.hits += k
            print("counter +%d = %d" % (k, self.hits))
            return self.hits
        return asyncio.create_task(go())


async def twice(value):
    first = await later(int(value))
    return first + value


def countdown(start):
    for i in range(start, 0, -1):
        yield i


async def spawn_all(n):
    total = 0
    tasks = []

    for i in range(n):
        async def one(i=i):
            nonlocal total
            v = await later(i * 10)
            total += v
            print("task %d -> %d" % (i, v))
            return v
        tasks.append(asyncio.create_task(one()))
    print("spawned %d" % n)
    s = 0
    for task in tasks:
        s += await task
    print("total %d sum %d" % (total, s))
    return s


async def main():
    log = []
    adder = spawn_adder(100, log)
    a = asyncio.create_task(ticker("a", 3))
    b = asyncio.create_task(ticker("b", 2))
    counter = Counter()
    c1 = counter.start(1)
    c2 = counter.start(2)
    print("adder %d log %s" % (await adder, "".join(log)))
    await a
    await b
    print("counters %d %d" % (await c1, await c2))
    twice_int = await twice(21)
    print("twice %d %.1f" % (twice_int, await twice(1.0)))
    for i in countdown(3):
        print("countdown %d" % i)
    await spawn_all(3)


asyncio.run(main())
