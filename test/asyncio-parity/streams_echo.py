# An echo server and a client over 127.0.0.1: each line goes there and back;
# the client's write_eof ends the server's loop, then both sides close.
# C++: streams_echo.cpp
import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        print(f"server got {line.decode().rstrip()}")
        writer.write(line.upper())
        await writer.drain()
    print(f"server: eof, at_eof={reader.at_eof()}")
    writer.close()
    await writer.wait_closed()
    print("server: closed")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["alpha", "beta", "gamma"]:
        writer.write(f"{word}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"client got {reply.decode().rstrip()}")
    writer.write_eof()
    rest = await reader.read()
    print(f"client: rest={rest!r} at_eof={reader.at_eof()}")
    writer.close()
    await writer.wait_closed()
    print(f"client: closed, is_closing={writer.is_closing()}")
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
