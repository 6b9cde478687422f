# A StreamReader fed by hand while tasks wait on it: each read resumes one
# loop iteration after the data that completes it, as the other tasks' steps
# show; a second reader waiting at the same time is a RuntimeError.
# C++: stream_reader_hops.cpp
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def reading(reader):
    print(f"line {(await reader.readline())!r}")
    print(f"exactly {(await reader.readexactly(4))!r}")
    print(f"until {(await reader.readuntil(b'::'))!r}")
    print(f"rest {(await reader.read())!r}")


async def main():
    reader = asyncio.StreamReader()
    t = asyncio.create_task(ticker(12))
    r = asyncio.create_task(reading(reader))
    await asyncio.sleep(0)
    try:
        await reader.read(1)
    except RuntimeError as e:
        print(f"second reader: RuntimeError: {e}")
    for piece in [b"he", b"llo\nab", b"cd", b"ef:", b":gh", b"ij"]:
        print(f"feed {piece!r}")
        reader.feed_data(piece)
        await asyncio.sleep(0)
    print("feed eof")
    reader.feed_eof()
    await r
    await t


asyncio.run(main())
