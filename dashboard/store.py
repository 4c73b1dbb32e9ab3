"""The read-only warehouse a server reads: per-process connection, a cursor per thread.

DuckDB connections must not be shared across threads (cursors of one connection may),
and must not cross a fork (gunicorn --preload). Modelled on flaskr's `db.get_db`.

A rebuild (`slt-dashboard build` while serving) renames a new file over the old one.
`begin()`, called at the start of each request, compares the file's identity (device,
inode, mtime, size) with the open one and opens the new file when it changed; the
thread keeps the cursor it took at `begin()` for the whole request, so a request sees
the old file or the new one, never a mix. Requests still running on the old file finish
on it (the old inode stays readable until its last connection is gone).

A new file is adopted only after the health query (`queries/health.sql`, which reads every
column of the facts the pages show) passes on it: a truncated copy renamed in opens
fine in DuckDB and breaks every view, so it is refused, logged, and the previous file
keeps serving. Each adopted file is kept as a hard link (`.<name>.good`), so a worker that
starts after a bad file arrived (it has no previous file open) falls back to the same
last good file: all workers serve the same numbers. `refused` says why (`/healthz`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

import queries
from dashboard import dimensions as dims

log = logging.getLogger(__name__)

Identity = tuple[int, int, int, int]
#: Numbers the hard links files are opened through: unique in the process (DuckDB hands
#: out an open instance again for a path it has open, whichever Warehouse asks).
_OPENED = itertools.count(1)


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


class Refused(Exception):
    """A warehouse file that opened but failed the health query."""


@dataclass(frozen=True)
class Refusal:
    """Why the file at the warehouse path is not served, and what is served instead."""

    identity: Identity
    reason: str  # e.g. "IOException" or "no facts"
    at: str  # when it was refused (UTC, ISO)
    serving: str  # "previous" (kept open) or "last good" (the .good link) or "nothing"


def check(connection: duckdb.DuckDBPyConnection) -> None:
    """The health query on an opened file: Refused unless it answers with facts."""
    try:
        frame = queries.run(connection.cursor(), "health")
    except duckdb.Error as exc:
        raise Refused(type(exc).__name__) from None
    if frame.empty or not int(frame["facts"].iloc[0] or 0):
        raise Refused("no facts")


def _generation(connection: duckdb.DuckDBPyConnection, ident: Identity) -> Generation:
    return Generation(connection, ident, os.getpid(), read_vocabulary(connection.cursor()))


def log_failure(logger: logging.Logger, message: str, *args: object) -> None:
    """Log the failure of a best-effort part of a page (called in an `except` block): with
    its traceback, except a query DuckDB interrupted because the process is stopping, which
    is one line (not a fault an operator should look for)."""
    if isinstance(sys.exc_info()[1], duckdb.InterruptException):
        logger.warning(message + " reason=interrupted", *args)
    else:
        logger.exception(message, *args)


class Warehouse:
    """Read-only access to a built warehouse, reopened when the file is replaced."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._current: Generation | None = None
        self.refused: Refusal | None = None  # a file at `path` that failed the health query

    @property
    def good_path(self) -> Path:
        """The last file that passed the health query (a hard link), for fresh workers."""
        return self.path.with_name(f".{self.path.name}.good")

    def _open(self, path: Path, ident: Identity) -> Generation:
        """Open the file now at `path` as a new database instance, if it is healthy.

        DuckDB keeps one database instance per path per process and hands it out again on
        `connect(path)`, even after the file was replaced: the new file would never be
        read. So each generation opens a hard link with a name of its own (removed right
        after opening; the open file stays readable) and gets an instance of its own.
        Raises duckdb.Error (cannot be opened) or Refused (fails the health query).
        """
        number = next(_OPENED)
        alias: Path | None = path.with_name(f".{self.path.name}.{os.getpid()}-{number}.open")
        assert alias is not None
        try:
            os.link(path, alias)
        except OSError:  # read-only folder: the path itself (a restart then picks up rebuilds)
            alias = None
        try:
            target = alias or path
            actual = identity(target) if alias else ident  # it may have been replaced again
            connection = duckdb.connect(str(target), read_only=True)
            try:
                check(connection)
                generation = _generation(connection, actual)
            except duckdb.Error as exc:  # e.g. its code lists cannot be read
                connection.close()
                raise Refused(type(exc).__name__) from None
            except BaseException:
                connection.close()
                raise
            if alias is not None and path == self.path:
                self._keep_good(alias)
            return generation
        finally:
            if alias is not None:
                alias.unlink(missing_ok=True)

    def _keep_good(self, alias: Path) -> None:
        """Point `.<name>.good` at the file just adopted (atomically; best effort)."""
        tmp = self.good_path.with_name(f"{self.good_path.name}.{os.getpid()}.tmp")
        try:
            tmp.unlink(missing_ok=True)
            os.link(alias, tmp)
            os.replace(tmp, self.good_path)
        except OSError:
            tmp.unlink(missing_ok=True)

    def _refuse(self, ident: Identity, exc: Exception, serving: str) -> None:
        reason = str(exc) if isinstance(exc, Refused) else type(exc).__name__
        if self.refused is None or self.refused.identity != ident:
            log.error(
                "warehouse_reopen_failed action=serving_%s reason=%s path=%s",
                serving.replace(" ", "_"),
                reason.replace(" ", "_"),
                self.path,
            )
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.refused = Refusal(ident, reason, at, serving)

    def current(self) -> Generation:
        """The generation to serve now: reopened after a fork or a replaced file."""
        gen = self._current
        if gen is not None and gen.pid != os.getpid():
            gen = None  # opened before a fork: each process opens its own
        try:
            ident = identity(self.path)
        except OSError:
            if gen is not None:
                return gen  # file gone for a moment (mid-rename): keep serving what is open
            raise
        refused = self.refused.identity if self.refused is not None else None
        if gen is not None and (ident == gen.identity or ident == refused):
            return gen
        with self._lock:
            gen = self._current if self._current and self._current.pid == os.getpid() else None
            if gen is not None and gen.identity == ident:
                return gen
            try:
                new = self._open(self.path, ident)
            except (duckdb.Error, Refused) as exc:
                if gen is not None:
                    self._refuse(ident, exc, "previous")
                    return gen
                new = self._fall_back(ident, exc)
            else:
                if gen is not None:
                    log.info("warehouse_reopened reason=file_replaced path=%s", self.path)
                self.refused = None
            self._current = new
            return new

    def _fall_back(self, ident: Identity, exc: Exception) -> Generation:
        """A fresh process whose file is refused: the last good file, as every worker has."""
        try:
            good = self._open(self.good_path, identity(self.good_path))
        except (OSError, duckdb.Error, Refused):
            self._refuse(ident, exc, "nothing")
            raise exc from None
        self._refuse(ident, exc, "last good")
        return good

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
