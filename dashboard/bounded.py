"""Caches with a bound.

- `ByteBound`: a folder cache bounded in bytes, shared by the image cache and the workers'
  callback folder: after every `max_bytes / 8` written the folder is measured, and the
  least recently used files (a hit refreshes a file's time) are removed down to 3/4 of
  the bound.
- `Recent`: the values a worker computed last, bounded in number (chart results, page
  layouts), least recently used out first.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

V = TypeVar("V")


class ByteBound:
    """When to measure a folder, and what to remove from it."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._written = 0
        self._lock = threading.Lock()

    def wrote(self, n: int) -> bool:
        """Count `n` bytes written; True when the folder is due to be trimmed."""
        with self._lock:
            self._written += n
            if self._written < self.max_bytes // 8:
                return False
            self._written = 0
            return True

    def trim(self, files: Iterable[tuple[float, int, str | Path]]) -> tuple[int, int]:
        """Remove the least recently used of `files` ((last used, bytes, path)) until at
        most 3/4 of the bound is used; (files removed, bytes left)."""
        files = list(files)
        total = sum(size for _t, size, _p in files)
        removed = 0
        if total <= self.max_bytes:
            return 0, total
        for _time, size, path in sorted(files):
            if total <= self.max_bytes * 3 // 4:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
                removed += 1
        return removed, total


class Recent(Generic[V]):
    """The `size` values put last, least recently used out first (thread-safe). A key
    that names what its value depends on (e.g. the warehouse file) needs no clearing:
    the values of an older file are simply no longer asked for and age out."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while self._over():
                self._items.popitem(last=False)

    def _over(self) -> bool:
        """Whether the oldest value must go (called under the lock)."""
        return len(self._items) > self.size

    def __len__(self) -> int:
        return len(self._items)
