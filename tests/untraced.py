"""Harness work that runs no application code, outside coverage's tracer.

Under Python 3.11 an installed trace function slows every Python line of its thread, measured or not: drawing
1 000 requests per API operation with Hypothesis took 75 % longer under `make test`'s branch coverage, although
none of it is the portal's code (sys.monitoring, which removes that cost, needs Python 3.12, and branch coverage
on it 3.14). `untraced()` stops this thread's tracer for such a block and starts it again afterwards: other
threads (a live server's) keep theirs, and no line of the applications runs inside the block, so the measured
figure is the same.
"""

import sys
from contextlib import contextmanager


@contextmanager
def untraced():
    tracer = sys.gettrace()
    # coverage's C tracer: stop() and start() take it off and put it back on the calling thread only
    if type(tracer).__name__ != "CTracer":
        yield
        return
    tracer.stop()
    try:
        yield
    finally:
        tracer.start()
