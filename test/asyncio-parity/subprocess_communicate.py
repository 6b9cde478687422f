# communicate() with /bin/cat (input through stdin, output back) and with a
# shell writing to both stdout and stderr; then a child killed by signals:
# the return code is minus the signal number.
# C++: subprocess_communicate.cpp
import asyncio

PIPE = asyncio.subprocess.PIPE


async def main():
    cat = await asyncio.create_subprocess_exec("/bin/cat", stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await cat.communicate(b"through cat\nsecond line\n")
    print(f"cat: out={out!r} err={err!r} rc={cat.returncode}")
    sh = await asyncio.create_subprocess_exec(
        "/bin/sh", "-c", "read x; echo got $x; echo warn >&2; exit 2",
        stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await sh.communicate(b"input\n")
    print(f"sh: out={out!r} err={err!r} rc={sh.returncode}")
    big = b"x" * 300000
    cat = await asyncio.create_subprocess_exec("/bin/cat", stdin=PIPE, stdout=PIPE)
    out, _ = await cat.communicate(big)
    print(f"big: {len(out)} same={out == big}")
    sleeper = await asyncio.create_subprocess_exec("/bin/sleep", "30")
    print(f"running: returncode={sleeper.returncode}")
    sleeper.kill()
    print(f"killed: {await sleeper.wait()}")
    sleeper = await asyncio.create_subprocess_exec("/bin/sleep", "30")
    sleeper.terminate()
    print(f"terminated: {await sleeper.wait()} returncode={sleeper.returncode}")


asyncio.run(main())
