"""Running one function over many inputs in worker processes, results in input order.

The one pool of `validate`, `lint` and `build`. Workers only compute: they return
diagnostics or the bytes of built files, and the main process writes, so a worker
stopped at any moment leaves nothing half-written behind.

Why not `concurrent.futures.ProcessPoolExecutor`: it cannot be stopped. Its
`shutdown` waits for the documents being built, and killing its workers can leave
its manager thread waiting forever for the rest of a result a worker was sending
(and the interpreter waiting for that thread on its way out), or print a traceback
from it. This pool has no threads: the main process hands one batch at a time to
an idle worker and waits on the workers' pipes and process handles itself, so
stopping it is killing the workers and closing the pipes.

Workers end with the main process (`processes.end_with_parent`) and ignore SIGINT:
Ctrl-C reaches the whole process group, and the main process alone decides what an
interruption stops.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Sequence, TypeVar

from .processes import end_with_parent, signals_held

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerError(RuntimeError):
    """A worker process failed (a bug in the function it ran) or ended without a result."""


def map_in_order(function: Callable[[Item], Result], items: Sequence[Item], workers: int,
                 chunksize: int = 1) -> Iterator[Result]:
    """`function(item)` for every item, in the order of `items`, each as soon as it and
    those before it are ready.

    With one worker (or one item) everything runs in this process: starting workers
    costs more than it saves. `chunksize` hands items to workers in batches, for many
    small tasks. When the caller stops iterating, or anything is raised here (an
    interruption), the workers are killed at once and what was not started never is.
    """
    if workers <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    batches = [list(items[start:start + chunksize]) for start in range(0, len(items), chunksize)]
    pool = _Pool(function, min(workers, len(batches)))
    try:
        for results in pool.results(batches):
            yield from results
    except BaseException:
        pool.kill()
        raise
    pool.close()


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (or its spawn/fork variant)
    connection: Connection


class _Pool:
    """Worker processes, each with a pipe; all the waiting happens in the main thread."""

    def __init__(self, function: Callable[[Any], Any], count: int) -> None:
        context = _context()
        self.workers: list[_Worker] = []
        with signals_held():  # interrupted between a fork and the append, a worker would be lost
            for _ in range(count):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(function, theirs, os.getpid()), daemon=True)
                process.start()
                theirs.close()
                self.workers.append(_Worker(process, ours))

    def results(self, batches: list[list[Any]]) -> Iterator[list[Any]]:
        """The results of each batch, in order; each batch goes to a worker that is idle."""
        done: dict[int, list[Any]] = {}
        busy: dict[Connection, tuple[_Worker, int]] = {}
        idle = list(self.workers)
        handed_out = returned = 0
        while returned < len(batches):
            while idle and handed_out < len(batches):
                worker = idle.pop()
                worker.connection.send(batches[handed_out])
                busy[worker.connection] = (worker, handed_out)
                handed_out += 1
            while returned in done:
                yield done.pop(returned)
                returned += 1
            if busy:
                for worker, index, results in self._replies(busy):
                    done[index] = results
                    idle.append(worker)

    def _replies(self, busy: dict[Connection, tuple[_Worker, int]]) -> Iterator[tuple[_Worker, int, list[Any]]]:
        """Wait until a worker replies (or dies, which is an error) and collect what is ready."""
        sentinels = {worker.process.sentinel: worker for worker, _ in busy.values()}
        ready = wait([*busy, *sentinels])
        for handle in ready:
            if handle in busy:
                worker, index = busy.pop(handle)  # type: ignore[index]
                yield worker, index, _unpack(handle, worker)  # type: ignore[arg-type]
        for handle in ready:
            worker = sentinels.get(handle)  # type: ignore[call-overload]
            if worker is not None and worker.connection in busy:
                raise WorkerError(f"a worker process ended without a result ({_how_it_ended(worker)})")

    def kill(self) -> None:
        """Stop at once: the workers write nothing, so killing them loses nothing."""
        for worker in self.workers:
            worker.process.kill()
        self._release()

    def close(self) -> None:
        """After the last result: each worker is told to leave. (Not by closing its pipe: a
        worker forked later holds a copy of the pipe's other end, so it would not close.)"""
        for worker in self.workers:
            worker.connection.send(None)
        self._release()

    def _release(self) -> None:
        for worker in self.workers:
            worker.process.join()
            worker.connection.close()
            worker.process.close()


def _unpack(connection: Connection, worker: _Worker) -> list[Any]:
    """A worker's reply: its results, or the traceback of what went wrong in it."""
    try:
        status, payload = pickle.loads(connection.recv_bytes())
    except (EOFError, OSError):
        raise WorkerError(f"a worker process ended without a result ({_how_it_ended(worker)})") from None
    if status != "ok":
        raise WorkerError(f"a worker process failed:\n{payload}")
    return payload  # type: ignore[no-any-return]


def _how_it_ended(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        return f"killed by {signal.Signals(-code).name}; the machine may have run out of memory"
    return f"exit status {code}"


def _context() -> Any:
    """fork on Linux, where a worker starts in milliseconds with every module already
    imported (and is the main process's own child, which `end_with_parent` relies
    on); the platform's default elsewhere."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def _serve(function: Callable[[Any], Any], connection: Connection, parent: int) -> None:
    """A worker: run `function` on each batch the main process sends, until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the main process's handler
    end_with_parent(parent)
    while (batch := connection.recv()) is not None:
        try:
            reply = pickle.dumps(("ok", [function(item) for item in batch]))
        except Exception:  # a bug: its traceback goes to the main process, which reports it
            reply = pickle.dumps(("error", traceback.format_exc()))
        connection.send_bytes(reply)
