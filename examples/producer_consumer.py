# A bounded Queue between three producers and two consumers. put() waits
# while the queue is full; each consumer calls task_done() for every item it
# takes, even when processing fails; join() returns once every item put has
# been processed; then the consumers, waiting forever in get(), are
# cancelled: a clean shutdown with nothing lost and nothing left behind.
# C++: producer_consumer.cpp
import asyncio


async def producer(queue, name, count):
    for i in range(count):
        item = f"{name}{i}"
        await queue.put(item)
        print(f"{name} put {item} (qsize {queue.qsize()})")
    print(f"{name} done")


async def process(item, cost):
    for _ in range(cost):
        await asyncio.sleep(0)  # stands for real work
    if item == "b1":
        raise ValueError(f"cannot process {item}")


async def consumer(queue, name, processed):
    try:
        while True:
            item = await queue.get()
            try:
                await process(item, len(processed) % 3)
                processed.append(item)
                print(f"  {name} processed {item}")
            except ValueError as e:
                print(f"  {name}: {e}")
            finally:
                queue.task_done()
    except asyncio.CancelledError:
        print(f"{name} stops after {len(processed)} items")
        raise


async def main():
    queue = asyncio.Queue(maxsize=2)
    processed = {"c1": [], "c2": []}
    consumers = [asyncio.create_task(consumer(queue, name, processed[name]))
                 for name in ("c1", "c2")]
    producers = [asyncio.create_task(producer(queue, name, count))
                 for name, count in (("a", 3), ("b", 2), ("c", 4))]
    await asyncio.gather(*producers)
    print("producers done")
    await queue.join()
    print(f"all items processed, qsize {queue.qsize()}")
    for task in consumers:
        task.cancel()
    await asyncio.wait(consumers)
    print(f"consumers cancelled: {all(t.cancelled() for t in consumers)}")
    for name, items in processed.items():
        print(f"{name}: {', '.join(items)}")


asyncio.run(main())
