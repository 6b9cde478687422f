# Connection errors over 127.0.0.1: nothing listening (ConnectionRefusedError),
# a peer that closes at once (EOF: read gives b'' and at_eof), a peer that
# resets the connection (ConnectionResetError from every later read, from
# drain and from wait_closed), and writes after close (dropped silently).
# C++: streams_connection_errors.cpp
import asyncio
import socket
import struct


async def closing(reader, writer):
    writer.close()


async def main():
    server = await asyncio.start_server(closing, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(f"read after the peer closed: {(await reader.read(100))!r} at_eof={reader.at_eof()}")
    writer.close()
    writer.write(b"dropped")
    await writer.wait_closed()
    print("closed; a write after close is dropped")
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("ConnectionRefusedError")

    raw = socket.socket()
    raw.bind(("127.0.0.1", 0))
    raw.listen(1)
    reader, writer = await asyncio.open_connection("127.0.0.1", raw.getsockname()[1])
    peer, _ = raw.accept()
    peer.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    peer.close()
    raw.close()
    for what in ["read", "readline"]:
        try:
            await getattr(reader, what)()
        except ConnectionResetError:
            print(f"{what}: ConnectionResetError")
    writer.write(b"lost")
    try:
        await writer.drain()
    except ConnectionResetError:
        print("drain: ConnectionResetError")
    try:
        await writer.wait_closed()
    except ConnectionResetError:
        print("wait_closed: ConnectionResetError")


asyncio.run(main())
