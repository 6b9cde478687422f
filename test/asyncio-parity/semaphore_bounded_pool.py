# A BoundedSemaphore limiting a pool of jobs to two at a time, released in
# every path (a job that fails too); virtual clock. C++: semaphore_bounded_pool.cpp
import asyncio
import vclock


class Boom(Exception):
    pass


async def job(sem, i):
    await sem.acquire()
    try:
        print(f"{asyncio.get_running_loop().time():.2f} job {i} starts")
        await asyncio.sleep(0.25 * (i % 3 + 1))
        if i == 3:
            raise Boom(i)
        return i * 10
    finally:
        sem.release()


async def main():
    sem = asyncio.BoundedSemaphore(2)
    ts = [asyncio.create_task(job(sem, i)) for i in range(6)]
    for t in ts:
        try:
            print(f"result {await t}")
        except Boom:
            print("job 3 failed")
    print(f"{asyncio.get_running_loop().time():.2f} value {sem._value}")
    try:
        sem.release()
    except ValueError:
        print("over-release: ValueError")


vclock.run(main())
