# gather over a list of tasks (a vector in C++), including void children,
# and the list kept by the caller. C++: gather_vector.cpp
import asyncio
import vclock


async def square(x):
    await asyncio.sleep(0.1 * (5 - x))
    print(f"{asyncio.get_running_loop().time():.2f} square({x})")
    return x * x


async def note(x):
    await asyncio.sleep(0.05 * x)
    print(f"note {x}")


async def main():
    tasks = [asyncio.create_task(square(x)) for x in range(5)]
    results = await asyncio.gather(*tasks)
    print(f"results {results}, tasks still held: {len(tasks)}, all done: {all(t.done() for t in tasks)}")
    notes = await asyncio.gather(*[note(x) for x in (3, 1, 2)])
    print(f"void results: {len(notes)}")
    print(f"again {await asyncio.gather(*tasks)}")


vclock.run(main())
