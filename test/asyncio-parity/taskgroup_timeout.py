# A TaskGroup under wait_for (virtual clock): the timeout cancels the parent
# while it waits for the group; the group cancels its children and waits for
# all of them, including one that cleans up with awaits of its own, and only
# then does wait_for raise TimeoutError. A group that finishes in time gives
# its value; a child failing after the timeout's cancellation wins over it.
# C++: taskgroup_timeout.cpp
import asyncio
import vclock


class Boom(Exception):
    pass


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def child(name, seconds, fail_on_cancel=False):
    cancelled = False
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        cancelled = True
    if cancelled:
        print(f"{now()} {name} cancelled")
        if fail_on_cancel:
            raise Boom(name)
        if name == "slow-cleanup":
            await asyncio.sleep(0.5)
            print(f"{now()} {name} cleaned up")
        raise asyncio.CancelledError()
    print(f"{now()} {name} done")
    return name


async def grouped(specs):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(child(*spec)) for spec in specs]
        print(f"{now()} group of {len(tasks)} started")
    return ", ".join(t.result() for t in tasks)


async def attempt(specs, timeout):
    try:
        r = await asyncio.wait_for(grouped(specs), timeout)
        print(f"{now()} result: {r}")
    except TimeoutError:
        print(f"{now()} TimeoutError")
    except ExceptionGroup as eg:  # awaitc: the first exception itself
        print(f"{now()} {type(eg.exceptions[0]).__name__}({eg.exceptions[0]})")


async def main():
    await attempt([("a", 1), ("b", 3), ("slow-cleanup", 5)], 2)
    await attempt([("c", 0.5), ("d", 1)], 2)
    await attempt([("e", 1), ("f", 5, True)], 2)


vclock.run(main())
