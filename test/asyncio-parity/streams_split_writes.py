# Reading over 127.0.0.1 what the peer writes in pieces: readuntil with a
# separator split across writes ("\r" | "\n", "EN" | "D"), readline of a
# line sent in three writes, readexactly spanning writes, then at EOF
# readexactly's IncompleteReadError with the partial bytes and readuntil's
# with what is left. The results do not depend on how the bytes are
# chunked. C++: streams_split_writes.cpp
import asyncio


async def handle(reader, writer):
    crlf = b"\r\n"
    print(f"readuntil CRLF: {(await reader.readuntil(crlf))!r}")
    print(f"readuntil CRLF: {(await reader.readuntil(crlf))!r}")
    print(f"readuntil END: {(await reader.readuntil(b'END'))!r}")
    print(f"readline: {(await reader.readline())!r}")
    print(f"readexactly(7): {(await reader.readexactly(7))!r}")
    try:
        await reader.readexactly(6)
    except asyncio.IncompleteReadError as e:
        print(f"readexactly(6): IncompleteReadError partial={e.partial!r} "
              f"expected={e.expected}: {e}")
    print(f"at_eof {reader.at_eof()}, read(): {(await reader.read())!r}")
    writer.write(b"bye\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    pieces = [b"GET /\r", b"\nHost: x", b"\r\n", b"a", b"bcEN", b"D",
              b"one ", b"two ", b"three\n", b"012", b"3456", b"xyz"]
    for piece in pieces:
        writer.write(piece)
        await writer.drain()
        await asyncio.sleep(0.002)
    writer.write_eof()
    print(f"client got {(await reader.readline())!r}")
    print(f"client at EOF: {(await reader.read())!r}")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
