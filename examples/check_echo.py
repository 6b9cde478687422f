#!/usr/bin/env python3
"""Checks the echo server and client examples against their asyncio twins.

Runs each server (awaitc's and Python's) on a free port of 127.0.0.1 for
two clients, runs the two clients (awaitc's against the awaitc server,
Python's against the Python server, then crossed over), and checks that
every pairing prints the same transcript, the server's port aside.

  check_echo.py --server BIN --client BIN --py-server PY --py-client PY
"""

import argparse
import subprocess
import sys

TIMEOUT = 60


def transcript(server_cmd, client_cmds):
    server = subprocess.Popen(server_cmd + ["0", str(len(client_cmds))],
                              stdout=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()
        if not first.startswith("port "):
            raise SystemExit(f"{server_cmd}: no port line: {first!r}")
        port = first.split()[1]
        out = []
        for client in client_cmds:
            result = subprocess.run(client + [port, "one", "two", "three"],
                                    capture_output=True, text=True,
                                    timeout=TIMEOUT)
            if result.returncode != 0:
                raise SystemExit(f"{client} failed: {result.stderr}")
            out.append(result.stdout)
        rest, _ = server.communicate(timeout=TIMEOUT)
        if server.returncode != 0:
            raise SystemExit(f"{server_cmd} exited with {server.returncode}")
        return "".join(out) + "--- server ---\n" + rest
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--client", required=True)
    parser.add_argument("--py-server", required=True)
    parser.add_argument("--py-client", required=True)
    args = parser.parse_args()
    cpp_server, cpp_client = [args.server], [args.client]
    py_server = [sys.executable, args.py_server]
    py_client = [sys.executable, args.py_client]
    expected = transcript(py_server, [py_client, py_client])
    runs = {
        "awaitc server, awaitc clients": transcript(cpp_server,
                                                    [cpp_client, cpp_client]),
        "awaitc server, mixed clients": transcript(cpp_server,
                                                   [py_client, cpp_client]),
        "asyncio server, awaitc clients": transcript(py_server,
                                                     [cpp_client, cpp_client]),
    }
    failed = False
    for name, got in runs.items():
        if got != expected:
            failed = True
            print(f"{name}: differs from asyncio's\n--- expected\n{expected}"
                  f"--- got\n{got}", file=sys.stderr)
    sys.stdout.write(expected)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
