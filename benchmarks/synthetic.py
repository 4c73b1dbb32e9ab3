"""A national-scale warehouse: every kommune in Norway × 20 years, in the project's own
format (CSV + sidecar), built by the project's own builder, then served.

Every data file that gives figures for Bærum is repeated for every other kommune of the
code list (`data/vocab/areas.kommuner.csv`, 354 besides Bærum, Asker and Oslo) that the
file does not already give (Statistics Norway's files hold every kommune), for each
year 2005–2024, with the rows Bærum has for one of its years (so totals and their parts
agree as in the source). Bærum, Asker and Oslo keep their real files, so the pages show
the same views on a warehouse ~1 000× larger: what a first-time change costs there is
what scale costs.

The numbers are a benchmark, written to a temporary folder and never shown.

    python -m benchmarks.synthetic build DATA_DIR WAREHOUSE   # (what the runner calls)
"""

from __future__ import annotations

import csv
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEARS = range(2005, 2025)
TEMPLATE_AREA = "baerum"
#: The kommuner with real files of their own (kept as they are).
REAL = ("baerum", "asker", "oslo")


def kommuner() -> list[str]:
    """Every other kommune of the project's code list (the vocabulary is data)."""
    with (ROOT / "data" / "vocab" / "areas.kommuner.csv").open(encoding="utf-8") as handle:
        return [
            row["code"]
            for row in csv.DictReader(handle)
            if row["kind"] == "kommune" and row["code"] not in REAL
        ]


def _shift_period(period: str, source_year: int, year: int) -> str:
    """`2019-2020` for year 2020 from 2016: `2015-2016` (any year in it moves along)."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - source_year + year), period)


def _given() -> dict[str, set[str]]:
    """measure -> the kommuner the real data files give it for (Statistics Norway's
    files give every kommune: those are not made up)."""
    given: dict[str, set[str]] = {}
    for path in (ROOT / "data").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                given.setdefault(row.get("measure") or "", set()).add(row.get("municipality") or "")
    return given


def write(folder: Path) -> dict:
    """The data folder: the real files, plus one synthetic file per Bærum file."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "data").iterdir():
        if path.suffix in (".csv", ".yml"):
            shutil.copy(path, folder / path.name)
    shutil.copytree(ROOT / "data" / "vocab", folder / "vocab")  # the code lists
    rng = random.Random(1)
    rows = files = 0
    given, others = _given(), kommuner()
    for path in sorted((ROOT / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = list(reader.fieldnames or [])
            by_year: dict[int, list[dict]] = {}
            for row in reader:
                if row.get("municipality") == TEMPLATE_AREA:
                    by_year.setdefault(int(row["year"]), []).append(row)
        measures = {row["measure"] for rows_ in by_year.values() for row in rows_}
        missing = [k for k in others if not any(k in given.get(m, ()) for m in measures)]
        if not by_year or not missing:
            continue
        templates = sorted(by_year)
        name = f"synthetic-{path.stem}"
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for kommune in missing:
                for year in YEARS:
                    source = rng.choice(templates)
                    for row in by_year[source]:
                        new = dict(row, year=str(year), municipality=kommune)
                        if "municipality_code" in new:
                            new["municipality_code"] = ""
                        if new.get("period"):
                            new["period"] = _shift_period(new["period"], source, year)
                        writer.writerow(new)
                        rows += 1
        shutil.copy(path.with_suffix(".meta.yml"), folder / f"{name}.meta.yml")
        files += 1
    return {"rows": rows, "files": files}


def build(data: Path, target: Path) -> dict:
    """Build in a child process: wall time, the child's peak RSS, its output kept aside."""
    log = target.with_suffix(".build.log")
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.synthetic", "build", str(data), str(target)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"synthetic build failed (see {log})")
    return {
        "build_s": seconds,
        "build_peak_mb": usage.ru_maxrss / 1024,
        "size_mb": target.stat().st_size / 1e6,
    }


def facts(target: Path) -> int:
    import duckdb

    with duckdb.connect(str(target), read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM facts").fetchone()[0])  # type: ignore[index]


def _main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "build":
        from dashboard.build import warehouse

        warehouse.build(Path(argv[1]), Path(argv[2]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
