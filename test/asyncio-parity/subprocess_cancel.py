# Cancelling a task that waits on a child process: in wait() (the child
# lives on, and a later wait() gets its exit status), and in a read of its
# stdout (what the child writes later is there for the next read); wait_for
# around communicate() times out and leaves the child running until it is
# killed. C++: subprocess_cancel.cpp
import asyncio
from asyncio.subprocess import PIPE


async def cancel_soon(label, coro):
    t = asyncio.create_task(coro)
    for _ in range(3):
        await asyncio.sleep(0)
    print(f"{label}: cancel {t.cancel()}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{label}: cancelled {t.cancelled()}")


async def main():
    proc = await asyncio.create_subprocess_exec(
        "/bin/sh", "-c", "read x; echo got $x; read y; exit 3",
        stdin=PIPE, stdout=PIPE)
    await cancel_soon("wait", proc.wait())
    print(f"returncode {proc.returncode}")
    await cancel_soon("readline", proc.stdout.readline())
    proc.stdin.write(b"hello\n")
    await proc.stdin.drain()
    print(f"readline: {(await proc.stdout.readline())!r}")
    proc.stdin.write(b"bye\n")
    print(f"exit status {await proc.wait()}, returncode {proc.returncode}")

    sleeper = await asyncio.create_subprocess_exec(
        "/bin/sleep", "30", stdout=PIPE)
    try:
        await asyncio.wait_for(sleeper.communicate(), 0.05)
    except TimeoutError:
        print(f"communicate: TimeoutError, returncode {sleeper.returncode}")
    sleeper.kill()
    print(f"killed: {await sleeper.wait()}")


asyncio.run(main())
