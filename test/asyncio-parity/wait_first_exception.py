# asyncio.wait(FIRST_EXCEPTION): a cancelled task does not count as an
# exception; the wait returns at the first real exception, or when all are
# done; a timeout returns with the rest pending (virtual clock).
# C++: wait_first_exception.cpp
import asyncio
import vclock


class Boom(Exception):
    pass


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise Boom()
    return delay


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(job(1.0))
    b = asyncio.create_task(job(5.0))
    c = asyncio.create_task(job(2.0, fail=True))
    order = {a: "a", b: "b", c: "c"}
    loop.call_later(0.5, b.cancel)
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} done {sorted(order[t] for t in done)} pending {sorted(order[t] for t in pending)}")
    d = asyncio.create_task(job(1.0))
    e = asyncio.create_task(job(3.0))
    order.update({d: "d", e: "e"})
    done, pending = await asyncio.wait([d, e], return_when=asyncio.FIRST_EXCEPTION, timeout=2.0)
    print(f"{loop.time():.2f} done {sorted(order[t] for t in done)} pending {sorted(order[t] for t in pending)}")
    done, pending = await asyncio.wait([d, e], return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} done {sorted(order[t] for t in done)} pending {sorted(order[t] for t in pending)}")


vclock.run(main())
