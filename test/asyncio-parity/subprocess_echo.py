# A child's stdout read line by line, its exit status from wait(), and a
# program that does not exist.
# C++: subprocess_echo.cpp
import asyncio


async def main():
    p = await asyncio.create_subprocess_exec(
        "/bin/sh", "-c", "echo one; echo two; exit 4", stdout=asyncio.subprocess.PIPE)
    while line := await p.stdout.readline():
        print(f"line: {line.decode().rstrip()}")
    print(f"at_eof: {p.stdout.at_eof()}")
    print(f"wait: {await p.wait()} returncode: {p.returncode}")
    p = await asyncio.create_subprocess_exec("/bin/echo", "hello", "world",
                                             stdout=asyncio.subprocess.PIPE)
    print(f"echo: {(await p.stdout.read()).decode().rstrip()} rc={await p.wait()}")
    try:
        await asyncio.create_subprocess_exec("/nonexistent/program")
    except FileNotFoundError:
        print("FileNotFoundError")


asyncio.run(main())
