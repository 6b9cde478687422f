# A StreamReader's buffer limit (8 bytes here), fed by hand: readuntil's two
# LimitOverrunErrors (separator found beyond the limit, or not found with
# more than the limit buffered), each leaving the data buffered so that it
# can be read out with readexactly(consumed); a waiting readuntil that the
# next feed overruns; readline dropping the too-long line (ValueError) and
# going on; a line of exactly the limit; read(n) ignoring the limit; and a
# cancelled readuntil leaving the data for the next reader.
# C++: stream_reader_limit.cpp
import asyncio


async def until(reader, sep, label):
    try:
        r = await reader.readuntil(sep)
        print(f"{label}: {r!r}")
    except asyncio.LimitOverrunError as e:
        print(f"{label}: LimitOverrunError consumed={e.consumed}: {e}")
        return e.consumed
    return 0


async def main():
    reader = asyncio.StreamReader(limit=8)
    reader.feed_data(b"0123456789;rest")
    n = await until(reader, b";", "found beyond")
    print(f"read it out: {(await reader.readexactly(n + 1))!r}")

    reader.feed_data(b"abcdefghijk")
    n = await until(reader, b";", "not found")
    print(f"read it out: {(await reader.readexactly(n))!r}")

    t = asyncio.create_task(until(reader, b"||", "waiting"))
    await asyncio.sleep(0)
    reader.feed_data(b"xyz|")
    await asyncio.sleep(0)
    print(f"after 4 bytes: done {t.done()}")
    reader.feed_data(b"uvwxyz")
    n = await t
    print(f"read it out: {(await reader.readexactly(n))!r}")

    reader.feed_data(b"long line here\n1234567\nshort\n")
    try:
        await reader.readline()
    except ValueError as e:
        print(f"readline: ValueError: {e}")
    print(f"readline: {(await reader.readline())!r}")
    print(f"readline: {(await reader.readline())!r}")

    reader.feed_data(b"0123456789ABCDEF")
    print(f"read(12) ignores the limit: {(await reader.read(12))!r}")
    print(f"read(12): {(await reader.read(12))!r}")

    t = asyncio.create_task(until(reader, b"!", "cancelled"))
    await asyncio.sleep(0)
    reader.feed_data(b"abc")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("readuntil cancelled")
    reader.feed_data(b"!")
    await until(reader, b"!", "next reader")
    reader.feed_eof()
    print(f"at_eof {reader.at_eof()}")


asyncio.run(main())
