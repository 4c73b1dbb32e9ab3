"""The read-only warehouse a server reads: one connection per process, a cursor per thread.

DuckDB connections must not be shared across threads (cursors of one connection may),
and must not cross a fork (gunicorn --preload). Modelled on flaskr's `db.get_db`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb


class Warehouse:
    """Read-only access to a built warehouse: one connection per process, a cursor per thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._pid: int | None = None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        # Re-open after a fork (gunicorn --preload): connections must not cross processes.
        if self._con is None or self._pid != os.getpid():
            with self._lock:
                if self._con is None or self._pid != os.getpid():
                    self._con = duckdb.connect(str(self.path), read_only=True)
                    self._pid = os.getpid()
                    self._local = threading.local()
        return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (created on first use)."""
        con = self._connection()
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = con.cursor()
            self._local.cursor = cur
        return cur

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
