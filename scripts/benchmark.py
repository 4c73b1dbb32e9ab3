"""Benchmark (not a test): warehouse build time and size, and chart render time.

    python scripts/benchmark.py [--runs 7]

Prints the median and worst build time over N runs of `warehouse.build` on data/,
the warehouse size on disk, and the median time to render each registered chart
with default parameters (query + figure dict), the work behind one filter change.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from dashboard.build import warehouse
from dashboard.charts import listing as charts
from dashboard.state import parse

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "warehouse.duckdb"
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            report = warehouse.build(DATA, target)
            times.append(time.perf_counter() - started)
        size = target.stat().st_size
        print(f"build: {report.files} files, {report.facts} facts")
        print(
            f"build time over {args.runs} runs: median {statistics.median(times):.3f} s, "
            f"worst {max(times):.3f} s (goal: < 2 s)"
        )
        print(f"warehouse size: {size / 1024:.0f} KiB ({size} bytes)")

        con = duckdb.connect(str(target), read_only=True)
        cur = con.cursor()
        for chart_id, chart in sorted(charts.REGISTRY.items()):
            state = parse(chart.params, {})
            chart.build(cur, state)  # warm-up
            samples = []
            for _ in range(20):
                started = time.perf_counter()
                chart.build(cur, state)
                samples.append(time.perf_counter() - started)
            print(f"chart {chart_id:<24} median {statistics.median(samples) * 1000:6.1f} ms")
        con.close()


if __name__ == "__main__":
    main()
