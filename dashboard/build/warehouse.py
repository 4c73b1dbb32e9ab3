"""Build the DuckDB warehouse from `data/` atomically (serving it is `dashboard.store`).

A build validates everything first, writes a temporary file beside the target, checks
it, and only then renames it over the old one: a failed build leaves the previous
warehouse byte-for-byte untouched, and readers never see a half-written file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import dataformat
from dashboard import dimensions as dims
from dashboard.build import datafiles, rates, vocabfiles
from dashboard.build.datafiles import DEFAULT_LIMITS, DataError, Limits, Problem

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
MATERIALISE_PATH = Path(__file__).with_name("materialise.sql")
SCHEMA_VERSION = "2"
#: Code whose change alters the warehouse, so it is part of the inputs' fingerprint.
CODE_INPUTS = (
    SCHEMA_PATH,
    MATERIALISE_PATH,
    Path(dims.__file__),
    Path(datafiles.__file__),
    Path(vocabfiles.__file__),
    Path(rates.__file__),
    rates.HERE / "rates.sql",
    rates.HERE / "published_rates.sql",
)


@dataclass
class BuildReport:
    """What a build did: counts, time, and information about totals != sums."""

    path: Path
    files: int
    facts: int
    missing: int
    seconds: float
    info: list[str] = field(default_factory=list)


def fingerprint(data_dir: Path) -> str:
    return datafiles.inputs_fingerprint(Path(data_dir), (*vocabfiles.paths(data_dir), *CODE_INPUTS))


@contextlib.contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """Serialise builds of one warehouse across processes (e.g. gunicorn workers)."""
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(data_dir: Path, target: Path, limits: Limits = DEFAULT_LIMITS) -> BuildReport:
    """Validate `data_dir` and (re)write the warehouse at `target` atomically.

    Raises DataError (with every problem) before anything is written. The report's `info`
    says what is worth a look but not wrong: published totals that differ from the sum of
    their rows, text a spreadsheet would read as a formula, implausible jumps.
    """
    started = time.perf_counter()
    data_dir, target = Path(data_dir), Path(target)
    lists, problems = vocabfiles.read(data_dir)
    if problems:
        raise DataError(problems, limits.max_problems)
    with dims.using(dims.Vocabulary.from_tables(lists)):
        sources, problems = datafiles.read_all(data_dir, limits)
        if problems:
            raise DataError(problems, limits.max_problems)
        info = [note for source in sources for note in datafiles.totals_report(source)]
        info += [note for source in sources for note in source.info]
        info += datafiles.plausibility_report(sources)
        families = {s.source_id: dims.source_family(s.source_id) for s in sources}
    target.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(target):
        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        try:
            try:
                facts, missing = _write(tmp, lists, sources, families, fingerprint(data_dir))
            except duckdb.IOException as exc:  # a read-only or full disk: an OSError
                raise OSError(f"cannot write {tmp.name}: {exc}") from exc
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return BuildReport(target, len(sources), facts, missing, time.perf_counter() - started, info)


#: DuckDB's working memory while it writes a warehouse (its default is 80 % of the
#: machine's RAM, which it keeps as cache): beyond this it writes to a temporary folder
#: beside the file. At national scale (687 166 facts) this cut the build's peak from
#: 2.1 GB to 1.4 GB for ~3 s more; the rest of the peak is the validated rows in Python.
BUILD_MEMORY = "512MB"


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.register("_incoming", frame)
    columns = ", ".join(frame.columns)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming").fetchall()
    con.unregister("_incoming")


def _write(
    path: Path,
    lists: vocabfiles.Rows,
    sources: list[datafiles.SourceFile],
    families: dict[str, tuple[str, str]],
    inputs_hash: str,
) -> tuple[int, int]:
    con = duckdb.connect(str(path), config={"memory_limit": BUILD_MEMORY})
    try:
        con.execute(SCHEMA_PATH.read_text(encoding="utf-8")).fetchall()
        for table, frame in vocabfiles.frames(lists).items():
            _insert(con, table, frame)

        source_rows = []
        for source in sources:
            meta = source.meta
            published = source.published
            if published is None:  # read_all refuses a non-ISO date before this
                raise DataError([Problem(source.path.name, None, "published", "not an ISO date")])
            published_date, precision = published
            source_rows.append(
                {
                    "source_id": source.source_id,
                    "file": source.path.name,
                    "published_date": published_date,
                    "published_precision": precision,
                    "family_nb": families[source.source_id][0],
                    "family_en": families[source.source_id][1],
                    **{
                        k: meta.get(k) or None
                        for k in datafiles.SIDECAR_REQUIRED + datafiles.SIDECAR_OPTIONAL
                    },
                }
            )
        _insert(con, "dim_source", pd.DataFrame(source_rows))
        # One file's facts at a time: a frame of every file's rows (and the list of the
        # frames it was joined from) doubled the build's peak memory at national scale.
        written = 0
        for source in sources:
            if source.rows:
                frame = pd.DataFrame(source.rows, columns=["line", *dataformat.FACT_COLUMNS])
                frame.insert(0, "source_id", source.source_id)
                frame["value"] = frame["value"].astype("float64")
                _insert(con, "fact", frame)
                written += len(frame)
                del frame
            source.rows = []  # in the warehouse now; nothing after this reads them

        count, missing = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE value IS NULL) FROM fact"
        ).fetchall()[0]
        if count != written:
            raise DataError(
                [Problem(str(path), None, None, f"wrote {count} facts, expected {written}")]
            )
        con.execute(MATERIALISE_PATH.read_text(encoding="utf-8")).fetchall()
        _insert(con, "rate", rates.compute(con))
        _insert(
            con,
            "build_info",
            pd.DataFrame(
                {
                    "key": ["inputs_hash", "schema_version", "built_at", "facts"],
                    "value": [
                        inputs_hash,
                        SCHEMA_VERSION,
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        str(count),
                    ],
                }
            ),
        )
        con.execute("CHECKPOINT").fetchall()
    finally:
        con.close()
    return count, missing


def stored_fingerprint(path: Path) -> str | None:
    """The inputs hash a warehouse was built from, or None if it cannot be read."""
    if not Path(path).exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        rows = con.execute("SELECT value FROM build_info WHERE key = 'inputs_hash'").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return rows[0][0] if rows else None


def is_stale(data_dir: Path, path: Path) -> bool:
    """True when the warehouse is missing or was built from other inputs than today's."""
    return stored_fingerprint(path) != fingerprint(data_dir)


def ensure_built(data_dir: Path, path: Path, limits: Limits = DEFAULT_LIMITS) -> BuildReport | None:
    """Build if stale (serve/app start); returns the report, or None if it was current."""
    if not is_stale(data_dir, path):
        return None
    with _build_lock(Path(path)):
        # Another process may have built it while we waited for the lock.
        if not is_stale(data_dir, path):
            return None
    return build(data_dir, path, limits)
