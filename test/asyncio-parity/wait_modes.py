# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a
# timeout (virtual clock): when it returns and how it splits done/pending;
# the tasks are never cancelled by it. C++: wait_modes.cpp
import asyncio
import vclock


class Boom(Exception):
    pass


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise Boom(name)
    return name


def names(ts, order):
    return sorted((order[t] for t in ts))


async def main():
    loop = asyncio.get_running_loop()

    def make():
        ts = [asyncio.create_task(job("a", 1.0)), asyncio.create_task(job("b", 0.5, True)),
              asyncio.create_task(job("c", 2.0))]
        return ts, {t: i for i, t in enumerate(ts)}

    for mode, label in ((asyncio.FIRST_COMPLETED, "FIRST_COMPLETED"),
                        (asyncio.FIRST_EXCEPTION, "FIRST_EXCEPTION"),
                        (asyncio.ALL_COMPLETED, "ALL_COMPLETED")):
        start = loop.time()
        ts, order = make()
        done, pending = await asyncio.wait(ts, return_when=mode)
        print(f"{label}: after {loop.time() - start:.2f} done {names(done, order)} pending {names(pending, order)}")
        for t in ts:
            try:
                await t
            except Boom:
                pass

    start = loop.time()
    ts, order = make()
    done, pending = await asyncio.wait(ts, timeout=0.75)
    print(f"timeout 0.75: after {loop.time() - start:.2f} done {names(done, order)} pending {names(pending, order)}")
    done, pending = await asyncio.wait(ts, timeout=10)
    print(f"timeout 10: after {loop.time() - start:.2f} done {names(done, order)} pending {names(pending, order)}")
    print(f"b raised: {isinstance(ts[1].exception(), Boom)}")
    done, pending = await asyncio.wait(ts)
    print(f"all done already: after {loop.time() - start:.2f} done {names(done, order)}")
    try:
        await asyncio.wait([])
    except ValueError:
        print("empty: ValueError")


vclock.run(main())
