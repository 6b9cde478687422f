# The echo server's client: `echo_client.py PORT WORD...` sends each word as
# a line to 127.0.0.1:PORT, prints the replies, then closes its side and
# waits for the server to close.
# C++: echo_client.cpp; the server: echo_server.py.
import asyncio
import sys


async def main(port, words):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in words:
        writer.write(f"{word}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"sent {word}, got {reply.decode()}", end="")
    writer.write_eof()
    rest = await reader.read()
    print(f"server closed the connection ({len(rest)} bytes after the replies)")
    writer.close()
    await writer.wait_closed()


port = int(sys.argv[1]) if len(sys.argv) > 1 else 8888
words = sys.argv[2:] or ["hello", "echo"]
try:
    asyncio.run(main(port, words))
except ConnectionRefusedError:
    print(f"connection refused: is echo_server running on {port}?")
    sys.exit(1)
