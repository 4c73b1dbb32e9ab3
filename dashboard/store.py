"""The read-only warehouse a server reads: per-process connection, a cursor per thread.

DuckDB connections must not be shared across threads (cursors of one connection may),
and must not cross a fork (gunicorn --preload). Modelled on flaskr's `db.get_db`.

A rebuild (`slt-dashboard build` while serving) renames a new file over the old one.
`begin()`, called at the start of each request, compares the file's identity (device,
inode, mtime, size) with the open one and opens the new file when it changed; the
thread keeps the cursor it took at `begin()` for the whole request, so a request sees
the old file or the new one, never a mix. Requests still running on the old file finish
on it (the old inode stays readable until its last connection is gone).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

import queries
from dashboard import dimensions as dims

log = logging.getLogger(__name__)

Identity = tuple[int, int, int, int]


def read_vocabulary(cursor: duckdb.DuckDBPyConnection) -> dims.Vocabulary:
    """The code lists a built warehouse holds (one query, `queries/vocabulary.sql`)."""
    frame = queries.run(cursor, "vocabulary")
    tables = {
        str(name): json.loads(rows) if isinstance(rows, str) else []  # NULL: an empty list
        for name, rows in zip(frame["list"], frame["rows"], strict=True)
    }
    return dims.Vocabulary.from_tables(
        {name: tables.get(name) or [] for name in dims.Vocabulary.FILES}
    )


@dataclass(frozen=True)
class Generation:
    """One opened warehouse file, and the vocabulary it holds (read once, when opened)."""

    connection: duckdb.DuckDBPyConnection
    identity: Identity
    pid: int
    vocabulary: dims.Vocabulary

    @property
    def fingerprint(self) -> str:
        """Changes whenever the file is replaced (a key for caches of query results)."""
        return "-".join(str(part) for part in self.identity)


def identity(path: Path) -> Identity:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _generation(connection: duckdb.DuckDBPyConnection, ident: Identity) -> Generation:
    return Generation(connection, ident, os.getpid(), read_vocabulary(connection.cursor()))


class Warehouse:
    """Read-only access to a built warehouse, reopened when the file is replaced."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._current: Generation | None = None
        self._failed: Identity | None = None  # a replacement that could not be opened
        self._opened = 0

    def _open(self, ident: Identity) -> Generation:
        """Open the file now at `path` as a new database instance.

        DuckDB keeps one database instance per path per process and hands it out again on
        `connect(path)`, even after the file was replaced: the new file would never be
        read. So each generation opens a hard link with a name of its own (removed right
        after opening; the open file stays readable) and gets an instance of its own.
        """
        self._opened += 1
        alias = self.path.with_name(f".{self.path.name}.{os.getpid()}-{self._opened}.open")
        try:
            os.link(self.path, alias)
        except OSError:  # read-only folder: the path itself (a restart then picks up rebuilds)
            return _generation(duckdb.connect(str(self.path), read_only=True), ident)
        try:
            actual = identity(alias)  # the file may have been replaced again meanwhile
            return _generation(duckdb.connect(str(alias), read_only=True), actual)
        finally:
            alias.unlink(missing_ok=True)

    def current(self) -> Generation:
        """The generation to serve now: reopened after a fork or a replaced file."""
        gen = self._current
        try:
            ident = identity(self.path)
        except OSError:
            if gen is not None and gen.pid == os.getpid():
                return gen  # file gone for a moment (mid-rename): keep serving what is open
            raise
        if (
            gen is not None
            and gen.pid == os.getpid()
            and (ident == gen.identity or ident == self._failed)
        ):
            return gen
        with self._lock:
            gen = self._current
            if gen is not None and gen.pid == os.getpid() and gen.identity == ident:
                return gen
            try:
                new = self._open(ident)
            except duckdb.Error as exc:
                if gen is None or gen.pid != os.getpid():
                    raise
                self._failed = ident
                log.error(
                    "warehouse_reopen_failed action=serving_previous path=%s error=%s",
                    self.path,
                    type(exc).__name__,
                )
                return gen
            if gen is not None and gen.pid == os.getpid():
                log.info("warehouse_reopened reason=file_replaced path=%s", self.path)
            self._current, self._failed = new, None
            return new

    def begin(self) -> Generation:
        """Start of a request: pin this thread to the current file for the whole request."""
        gen = self.current()
        local = self._local
        if getattr(local, "generation", None) is not gen:
            local.cursor = gen.connection.cursor()
            local.generation = gen
        dims.use(gen.vocabulary)  # labels and code lists of the file this request reads
        return gen

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (pinned by `begin()`; outside a request, begins one)."""
        gen = getattr(self._local, "generation", None)
        if gen is None or gen.pid != os.getpid():
            self.begin()
        return self._local.cursor

    @property
    def fingerprint(self) -> str:
        """Identity of the file this thread reads (after `begin()`)."""
        gen = getattr(self._local, "generation", None) or self.begin()
        return gen.fingerprint

    def close(self) -> None:
        if self._current is not None:
            self._current.connection.close()
            self._current = None
        self._local = threading.local()
