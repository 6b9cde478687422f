# call_later handles cancelled and rescheduled (virtual clock): a timer
# pushed back by cancelling it and scheduling anew, a callback that
# cancels another timer due at the same time (it never runs), one that
# reschedules itself (a periodic timer) until cancelled from outside,
# call_at on the loop's clock, and call_later(0) queued behind call_soon.
# (Deadlines are distinct: CPython's timer heap does not keep the
# scheduling order of equal deadlines.) C++: handles_reschedule.cpp
import asyncio
import vclock


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def main():
    loop = asyncio.get_running_loop()

    def say(text):
        print(f"{now()} {text}")

    # a deadline pushed back twice: only the last one runs
    h = loop.call_later(1.0, say, "deadline (first)")
    h.cancel()
    h = loop.call_later(2.0, say, "deadline (second)")
    h.cancel()
    h = loop.call_later(3.0, say, "deadline (third)")
    print(f"deadline when {h.when():.2f}")

    # a timer cancelled by another timer's callback
    victim = loop.call_later(1.0, say, "victim (never)")

    def killer():
        say(f"killer cancels the victim, cancelled before: {victim.cancelled()}")
        victim.cancel()
    loop.call_later(0.9, killer)
    loop.call_later(1.1, say, "after the victim")

    # a periodic timer rescheduling itself every 0.75
    ticks = {"n": 0, "handle": None}

    def tick():
        ticks["n"] += 1
        say(f"tick {ticks['n']}")
        ticks["handle"] = loop.call_later(0.75, tick)
    ticks["handle"] = loop.call_later(0.75, tick)

    # call_at takes a time on the loop's clock
    loop.call_later(2.6, say, "call_later 2.6")
    at = loop.call_at(2.4, say, "call_at 2.4")
    print(f"call_at when {at.when():.2f}")

    # call_later(0) is a timer: it runs after what call_soon queued now
    loop.call_later(0, say, "call_later(0)")
    loop.call_soon(say, "call_soon")
    await asyncio.sleep(0)
    say("main after sleep(0)")
    await asyncio.sleep(0)
    say("main after second sleep(0)")

    await asyncio.sleep(2.9)
    ticks["handle"].cancel()
    say(f"periodic stopped after {ticks['n']} ticks")
    await asyncio.sleep(1)
    say(f"end, deadline cancelled: {h.cancelled()}")


vclock.run(main())
