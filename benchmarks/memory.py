"""Peak memory of this process and everything it starts, sampled from /proc (Linux).

The build runs languages in separate processes, so the figure that matters for a CI
machine is the sum over the whole process tree at its highest point, not one process's peak.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants right now."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


class PeakMemory:
    """The highest process-tree RSS seen while the ``sample`` context was open, in bytes."""

    def __init__(self) -> None:
        self.peak = 0


@contextmanager
def sample(interval: float = 0.2) -> Iterator[PeakMemory]:
    result, stop = PeakMemory(), threading.Event()

    def watch() -> None:
        while not stop.is_set():
            result.peak = max(result.peak, _tree_rss(os.getpid()))
            stop.wait(interval)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        stop.set()
        thread.join()
