# The echo server of the benchmark, with CPython's asyncio.
import asyncio
import sys


async def echo(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


async def main(port):
    server = await asyncio.start_server(echo, "127.0.0.1", port, backlog=1024)
    print("ready", flush=True)
    await server.serve_forever()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9000))
