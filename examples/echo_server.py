# An echo server: each client's lines come back upper-cased, one task per
# connection. `echo_server.py PORT [CLIENTS]` listens on 127.0.0.1:PORT (0: a
# free port, printed first as "port N"), and after CLIENTS connections
# have ended it closes and exits (0: serves until killed). With CLIENTS
# negative, -N, it is a demonstration on its own: it runs N clients
# against itself, one after the other, and prints what they get.
# C++: echo_server.cpp; the client: echo_client.py.
import asyncio
import sys


async def demo_client(port, number):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["hello", "echo"]:
        writer.write(f"{word} from client {number}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"client {number} got {reply.decode()}", end="")
    writer.close()
    await writer.wait_closed()


async def main(port, clients):
    demo = clients < 0
    if demo:
        clients = -clients
    left = clients
    all_done = asyncio.Event()

    async def serve_client(reader, writer):
        nonlocal left
        lines = 0
        while line := await reader.readline():
            lines += 1
            writer.write(line.upper())
            await writer.drain()
        print(f"client done after {lines} lines", flush=True)
        writer.close()
        await writer.wait_closed()
        left -= 1
        if left == 0:
            all_done.set()

    server = await asyncio.start_server(serve_client, "127.0.0.1", port)
    if demo:
        print("listening")
        for i in range(1, clients + 1):
            await demo_client(server.sockets[0].getsockname()[1], i)
    else:
        print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
    if clients == 0:
        await server.serve_forever()
        return
    await all_done.wait()
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8888,
                 int(sys.argv[2]) if len(sys.argv) > 2 else 0))
