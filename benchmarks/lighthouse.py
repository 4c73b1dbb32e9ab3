"""Phone scores: Lighthouse (from npm, `benchmarks/package.json`) with the system
Chromium, its default mobile preset (a mid-range phone, simulated slow 4G and 4× CPU
slowdown), performance only.

    cd benchmarks && npm ci     # once: installs Lighthouse into benchmarks/node_modules

Lighthouse's simulated timings come from the real main-thread work multiplied by 4, so a
busy machine lowers the scores: the load average is printed beside each.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from benchmarks.devtools import CHROMIUM, FLAGS
from benchmarks.servers import load_text

HERE = Path(__file__).resolve().parent
AUDITS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "si": "speed-index",
}


def executable() -> str | None:
    """benchmarks/node_modules/.bin/lighthouse, $LIGHTHOUSE, or one on PATH."""
    local = HERE / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return str(local)
    return os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")


def run_once(url: str) -> dict:
    binary = executable()
    if binary is None:
        raise RuntimeError("no Lighthouse: run `npm ci` in benchmarks/ (or set LIGHTHOUSE)")
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run(
            [
                binary,
                url,
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={' '.join(FLAGS)}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or not out.exists():
            lines = (done.stderr or done.stdout or "").strip().splitlines()
            raise RuntimeError(
                f"Lighthouse failed on {url}: {lines[-1] if lines else done.returncode}"
            )
        report = json.loads(out.read_text(encoding="utf-8"))
    settings = report["configSettings"]
    assert settings["formFactor"] == "mobile", settings["formFactor"]
    result = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for key, audit in AUDITS.items():
        result[key] = report["audits"][audit]["numericValue"]
    return result


def measure(url: str, runs: int) -> dict:
    """The median of `runs` Lighthouse runs (by score), with the load average."""
    from benchmarks.servers import load

    before = load()
    results, failures = [], []
    for _ in range(runs):
        for _attempt in (0, 1):  # a busy machine sometimes times Lighthouse out: once more
            try:
                results.append(run_once(url))
                break
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                failures.append(str(exc)[:300])
    if not results:
        return {"error": failures[-1], "load": load_text(before)}
    results.sort(key=lambda r: r["score"])
    median = results[len(results) // 2]
    return {
        **median,
        "runs": runs,
        "scores": [r["score"] for r in results],
        "spread": (min(r["score"] for r in results), max(r["score"] for r in results)),
        "load": load_text(before),
        "lcp_median": statistics.median(r["lcp"] for r in results),
        "failures": failures,
    }
