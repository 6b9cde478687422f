#!/usr/bin/env python3
"""Echo server benchmark: awaitc vs CPython asyncio vs C++20 coroutines on
standalone Asio, side by side in one run (see docs/performance.md).

  run_echo_bench.py --awaitc BIN --asio BIN --load BIN [--seconds 5]

For each server and each scenario (connections x message size) it starts
the server on a free port, runs echo_load against it and prints requests
per second, MB/s (both directions) and the p50/p99 round-trip latency.
"""

import argparse
import os
import socket
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = [(1, 64), (50, 64), (50, 16384)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(server_cmd, load, connections, size, seconds):
    port = free_port()
    server = subprocess.Popen(server_cmd + [str(port)], stdout=subprocess.PIPE,
                              text=True)
    try:
        if server.stdout.readline().strip() != "ready":
            raise SystemExit(f"{server_cmd}: did not start")
        out = subprocess.run([load, str(port), str(connections), str(size),
                              str(seconds)], capture_output=True, text=True,
                             check=True).stdout.split()
        return [float(x) for x in out]
    finally:
        server.kill()
        server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--awaitc", required=True)
    parser.add_argument("--asio", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--seconds", type=float, default=5)
    args = parser.parse_args()
    servers = [
        ("awaitc", [args.awaitc]),
        ("asio (C++20)", [args.asio]),
        ("asyncio", [sys.executable, os.path.join(HERE, "asyncio_echo_server.py")]),
    ]
    print(f"{'scenario':<20}{'server':<14}{'req/s':>10}{'MB/s':>9}"
          f"{'p50 us':>9}{'p99 us':>9}")
    for connections, size in SCENARIOS:
        for name, cmd in servers:
            rps, mbs, p50, p99 = run(cmd, args.load, connections, size,
                                     args.seconds)
            print(f"{f'{connections} conn x {size} B':<20}{name:<14}"
                  f"{rps:>10.0f}{mbs:>9.1f}{p50:>9.0f}{p99:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
