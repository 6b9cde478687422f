# Many waiters on one Event: all wake in order, in one iteration; a ticker
# shows that the setter goes on before any of them. C++: event_many.cpp
import asyncio

woken = []


async def waiter(ev, i):
    await ev.wait()
    woken.append(i)


async def ticker(n):
    for i in range(n):
        print(f"tick {i}, woken so far {len(woken)}")
        await asyncio.sleep(0)


async def main():
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, i)) for i in range(2000)]
    t = asyncio.create_task(ticker(4))
    await asyncio.sleep(0)
    ev.set()
    print(f"set, woken so far {len(woken)}")
    await asyncio.gather(*ws)
    print(f"woken {len(woken)}, in order: {woken == sorted(woken)}, first {woken[0]}, last {woken[-1]}")
    await t


asyncio.run(main())
