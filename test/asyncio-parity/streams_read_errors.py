# The reader's errors over 127.0.0.1: readexactly and readuntil at EOF
# (IncompleteReadError with the partial data), a server with a small buffer
# limit (LimitOverrunError, readline's ValueError), and reads after EOF.
# C++: streams_read_errors.cpp
import asyncio


async def handle(reader, writer):
    try:
        await reader.readuntil(b"!")
    except asyncio.LimitOverrunError as e:
        print(f"readuntil: LimitOverrunError consumed={e.consumed}: {e}")
    try:
        await reader.readline()
    except ValueError as e:
        print(f"readline: ValueError: {e}")
    print(f"then: {(await reader.readline())!r}")
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(f"readexactly: IncompleteReadError partial={e.partial!r} expected={e.expected}: {e}")
    try:
        await reader.readuntil(b"!")
    except asyncio.IncompleteReadError as e:
        print(f"readuntil: IncompleteReadError partial={e.partial!r} expected={e.expected}")
    print(f"read at eof: {(await reader.read())!r} {(await reader.read(5))!r} at_eof={reader.at_eof()}")
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=8)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"0123456789abcdef\nok\nshort")
    writer.write_eof()
    await writer.drain()
    print(f"client read: {(await reader.read())!r}")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
