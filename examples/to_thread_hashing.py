# to_thread: blocking work (here a slow checksum) runs on worker threads
# while the loop stays responsive: a heartbeat task keeps beating, and the
# results come back in the order they were gathered.
# C++: to_thread_hashing.cpp
import asyncio
import time


def slow_checksum(data):
    time.sleep(0.1)
    total = 0
    for c in data.encode():
        total = (total * 31 + c) % (1 << 64)
    return total % 1000003


async def main():
    stop = False
    beats = 0

    async def heartbeat():
        nonlocal beats
        while not stop:
            beats += 1
            await asyncio.sleep(0.01)

    beating = asyncio.create_task(heartbeat())
    sums = await asyncio.gather(*(asyncio.to_thread(slow_checksum, w)
                                  for w in ["alpha", "beta", "gamma", "delta"]))
    for s in sums:
        print(f"checksum {s}")
    stop = True
    await beating
    print(f"the loop kept beating meanwhile: {beats >= 3}")


asyncio.run(main())
