# Flow control: a writer far ahead of its reader pauses above 64 KiB
# buffered, drain() waits until the buffer is down to 16 KiB, and every byte
# arrives in order.
# C++: streams_drain.cpp
import asyncio

TOTAL = 4 * 1024 * 1024


async def consumer(reader, writer, go, done):
    await go.wait()
    received = 0
    ok = True
    while chunk := await reader.read(65536):
        for i, b in enumerate(chunk):
            if b != (received + i) % 251:
                ok = False
                break
        received += len(chunk)
    print(f"consumer: {received} bytes, in order: {ok}")
    writer.close()
    done.set()


async def main():
    go, done = asyncio.Event(), asyncio.Event()
    server = await asyncio.start_server(lambda r, w: consumer(r, w, go, done), "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    data = bytes(i % 251 for i in range(TOTAL))
    writer.write(data)
    print(f"buffered above the high mark: {writer.transport.get_write_buffer_size() > 64 * 1024}")
    go.set()
    await writer.drain()
    print(f"drained to the low mark: {writer.transport.get_write_buffer_size() <= 16 * 1024}")
    writer.close()
    await writer.wait_closed()
    await done.wait()
    server.close()
    await server.wait_closed()


asyncio.run(main())
