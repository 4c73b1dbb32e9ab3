"""A synthetic warehouse at national size: 356 kommuner × 20 years, in the project's own
format (CSV + sidecar), built by the project's own builder, then queried like a page.

The numbers are random (a benchmark, never shown): the builder's code list of kommuner is
extended in this process only, with codes k001…k356.
"""

from __future__ import annotations

import random
import resource
import shutil
import statistics
import time
from pathlib import Path

import duckdb

import queries
from dashboard import dimensions as dims
from dashboard.build import warehouse

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "slt2020-anmeldelser-10-17-gjerningssted"
KOMMUNER = [f"k{i:03d}" for i in range(1, 357)]
YEARS = range(2005, 2025)
HEADER = "year,municipality,municipality_code,measure,place_role,residence,age_group,sex,offence_group,offence_subgroup,category,value,status,quote,note\n"


def write(folder: Path) -> tuple[int, int]:
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "data").glob("*"):
        if path.suffix in (".csv", ".yml"):
            shutil.copy(path, folder / path.name)
    rng = random.Random(1)
    rows = 0
    files = 0
    for measure in ("anmeldelser", "personer"):
        for place in ("gjerningssted", "bosted"):
            name = f"synthetic-{measure}-{place}"
            with open(folder / f"{name}.csv", "w", encoding="utf-8") as out:
                out.write(HEADER)
                for kommune in KOMMUNER:
                    for year in YEARS:
                        for age in ("10-14", "15-17"):
                            for sex in ("jenter", "gutter"):
                                out.write(
                                    f"{year},{kommune},,{measure},{place},alle,{age},{sex},alle,alle,alle,{rng.randint(0, 400)},,synthetic,\n"
                                )
                                rows += 1
            meta = (ROOT / "data" / f"{TEMPLATE}.meta.yml").read_text(encoding="utf-8")
            (folder / f"{name}.meta.yml").write_text(meta, encoding="utf-8")
            files += 1
    return rows, files


def measure(folder: Path, quick: bool) -> dict:
    for code in KOMMUNER:  # this process only: the builder accepts the synthetic kommuner
        dims.MUNICIPALITIES[code] = dims.Code(code, code, code, 100, kind="kommune")
    rows, files = write(folder / "data")
    target = folder / "warehouse.duckdb"
    started = time.perf_counter()
    warehouse.build(folder / "data", target)
    build_s = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    con = duckdb.connect(str(target), read_only=True)
    rng = random.Random(2)
    times = []
    n = 50 if quick else 300
    for _ in range(n):
        kommune = rng.choice(KOMMUNER)
        t0 = time.perf_counter()
        queries.run(
            con.cursor(),
            "age_sex",
            municipalities=[kommune, rng.choice(KOMMUNER)],
            measures=["anmeldelser", "personer"],
            place_roles=["gjerningssted"],
            fra=2005,
            til=2024,
        )
        times.append((time.perf_counter() - t0) * 1000)
    con.close()
    times.sort()
    return {
        "rows": rows,
        "files": files,
        "build_s": build_s,
        "size_mb": target.stat().st_size / 1e6,
        "build_rss_mb": rss,
        "query": "age_sex.sql, 2 kommuner, 20 years",
        "n": n,
        "p50": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
    }
