# Subprocesses: run a command and read its output line by line, feed
# another through stdin with communicate(), and stop a third with a signal.
# C++: subprocess_pipeline.cpp
import asyncio

PIPE = asyncio.subprocess.PIPE


async def main():
    ls = await asyncio.create_subprocess_exec("/bin/sh", "-c", "printf 'b\\na\\nc\\n'", stdout=PIPE)
    lines = b""
    while line := await ls.stdout.readline():
        print(f"read line: {line.decode()}", end="")
        lines += line
    print(f"exit status {await ls.wait()}")

    sort = await asyncio.create_subprocess_exec("sort", stdin=PIPE, stdout=PIPE)
    sorted_, _ = await sort.communicate(lines)
    print(f"sorted:\n{sorted_.decode()}", end="")

    sleeper = await asyncio.create_subprocess_exec("sleep", "60")
    await asyncio.sleep(0.05)
    sleeper.terminate()
    print(f"sleep stopped with {await sleeper.wait()} (minus SIGTERM)")


asyncio.run(main())
