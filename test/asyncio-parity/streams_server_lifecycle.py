# A server's life over 127.0.0.1: serve_forever in a task of its own; three
# clients connected at once, each served by a handler task of its own;
# close() stops listening (a new client is refused) while the connections
# already accepted go on, and ends serve_forever with CancelledError; each
# handler sees its client's EOF and finishes.
# C++: streams_server_lifecycle.cpp
import asyncio


async def handle(reader, writer, left):
    name = (await reader.readline()).decode().strip()
    print(f"server: hello from {name}")
    writer.write(f"hi {name}\n".encode())
    while True:
        line = await reader.readline()
        if not line:
            break
        print(f"server: {name} says {line.decode().strip()}")
        writer.write(line.upper())
        await writer.drain()
    print(f"server: {name} left")
    writer.close()
    await writer.wait_closed()
    left.put_nowait(name)


async def main():
    left = asyncio.Queue()
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, left), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"serving {server.is_serving()}")
    forever = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)

    clients = {}
    for name in ("a", "b", "c"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"{name}\n".encode())
        print(f"client {name} got {(await reader.readline()).decode().strip()}")
        clients[name] = (reader, writer)

    server.close()
    print(f"after close: serving {server.is_serving()}")
    try:
        await forever
    except asyncio.CancelledError:
        print(f"serve_forever ended cancelled: {forever.cancelled()}")
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("a new client is refused")

    for name in ("c", "a", "b"):
        reader, writer = clients[name]
        writer.write(f"still here {name}\n".encode())
        print(f"client {name} got {(await reader.readline()).decode().strip()}")
    for name in ("b", "c", "a"):
        reader, writer = clients[name]
        writer.close()
        await writer.wait_closed()
        print(f"client {name} closed, server task for {await left.get()} done")
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
