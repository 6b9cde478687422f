# wait_for at its edges (virtual clock): an inner task that would finish at
# the very deadline (the timeout's timer was set first, so it wins), an
# inner task that catches the cancellation and returns a value (that value
# is the result, no TimeoutError), one that raises something else while
# being cancelled, nested wait_for (the shorter timeout wins, from outside
# or inside), a zero timeout on a task already done, and a Task awaited
# through wait_for by two waiters with different timeouts.
# C++: wait_for_edges.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def sleeper(seconds, value):
    await asyncio.sleep(seconds)
    return value


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{now()} stubborn caught the cancellation")
    return "stubborn value"


async def fails_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise KeyError("cleanup failed")
    return "never"


async def attempt(label, coro_or_task, timeout):
    try:
        r = await asyncio.wait_for(coro_or_task, timeout)
        print(f"{now()} {label}: {r}")
    except TimeoutError:
        print(f"{now()} {label}: TimeoutError")
    except KeyError as e:
        print(f"{now()} {label}: KeyError {e}")
    except asyncio.CancelledError:
        print(f"{now()} {label}: CancelledError")
        raise


async def nested(inner_timeout, seconds):
    return await asyncio.wait_for(sleeper(seconds, "inner done"), inner_timeout)


async def main():
    await attempt("at the deadline", sleeper(1, "on time"), 1)
    await attempt("just before", sleeper(0.99, "on time"), 1)
    await attempt("stubborn", stubborn(), 0.5)
    await attempt("fails on cancel", fails_on_cancel(), 0.5)
    await attempt("outer shorter", nested(2, 3), 1)
    await attempt("inner shorter", nested(1, 3), 2)
    await attempt("both long", nested(5, 1), 6)

    done = asyncio.create_task(sleeper(0, "done already"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await attempt("zero timeout, done task", done, 0)

    shared = asyncio.create_task(sleeper(2, "shared result"))
    a = asyncio.create_task(attempt("shared, 3s", shared, 3))
    b = asyncio.create_task(attempt("shared, 1s", shared, 1))
    await asyncio.wait([a, b])
    print(f"shared cancelled: {shared.cancelled()}")


vclock.run(main())
