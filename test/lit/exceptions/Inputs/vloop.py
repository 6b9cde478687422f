# Shared by the Python twins of the exceptions/ tests: a loop with a virtual
# clock, as awaitc's RunOptions::virtual_time (starts at 0, jumps to the next
# timer when nothing is ready), so timeouts take no real time and
# loop.time() reads exact values.
import asyncio

class VirtualLoop(asyncio.SelectorEventLoop):
    """A loop whose clock starts at 0 and jumps to the next timer when idle
    (awaitc's RunOptions.virtual_time)."""
    def __init__(self):
        super().__init__()
        self._now = 0.0
        select = self._selector.select
        def fake_select(timeout=None):
            if timeout:
                self._now += timeout
            return select(0)
        self._selector.select = fake_select
    def time(self):
        return self._now

def run(main):
    with asyncio.Runner(loop_factory=VirtualLoop) as r:
        return r.run(main)
