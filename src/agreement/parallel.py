"""Running one function over many inputs in worker processes, results in input order.

The one pool of `validate`, `lint` and `build`. Workers only compute: they return
diagnostics or the bytes of built files, and the main process writes, so a worker
stopped at any moment leaves nothing half-written behind.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_in_order(function: Callable[[Item], Result], items: Sequence[Item], workers: int,
                 chunksize: int = 1) -> Iterator[Result]:
    """`function(item)` for every item, in the order of `items`, as each is ready.

    With one worker (or one item) everything runs in this process: starting a pool
    costs more than it saves. `chunksize` hands items to workers in batches, for
    many small tasks.
    """
    if workers <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
        yield from pool.map(function, items, chunksize=chunksize)
