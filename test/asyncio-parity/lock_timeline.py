# A Lock over time (virtual clock): holders sleep inside the critical
# section, newcomers arrive while it is held and right after a release.
# C++: lock_timeline.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def user(lock, name, arrive, hold):
    await asyncio.sleep(arrive)
    print(f"{now()} {name} arrives, locked={lock.locked()}")
    await lock.acquire()
    try:
        print(f"{now()} {name} holds")
        await asyncio.sleep(hold)
    finally:
        lock.release()
        print(f"{now()} {name} releases")


async def main():
    lock = asyncio.Lock()
    specs = [("a", 0, 1.0), ("b", 0.25, 0.5), ("c", 0.5, 0.25), ("d", 1.0, 0.5),
             ("e", 1.5, 0), ("f", 3.0, 0.25)]
    await asyncio.gather(*(user(lock, *s) for s in specs))
    print(f"{now()} locked={lock.locked()}")


vclock.run(main())
