"""asyncio.run with a virtual clock, for the parity tests.

The loop's time() starts at 0 and, whenever nothing is ready, jumps to the
earliest timer's deadline instead of sleeping: as awaitc's
RunOptions::virtual_time. Everything else is CPython's own event loop.
"""

import asyncio
import selectors


class _JumpingSelector(selectors.DefaultSelector):
    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        loop = self.loop
        if timeout is None or timeout > 0:
            if loop._scheduled:
                when = loop._scheduled[0]._when
                if when > loop._virtual_now:
                    loop._virtual_now = when
            elif timeout is None:
                raise RuntimeError("deadlock: nothing is ready and no timer is set")
        return super().select(0)


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._virtual_now = 0.0
        selector = _JumpingSelector()
        super().__init__(selector)
        selector.loop = self

    def time(self):
        return self._virtual_now


def run(coro):
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        return runner.run(coro)
