"""Rates per 1 000, computed once at build, with an exact interval and a verdict.

A count (reported offences, suspects …) is divided by its area's population on 1 January
of the count's year, for the same age group (`rates.sql`): per 1 000 inhabitants for
all-age counts, per 1 000 inhabitants aged 10–17 for counts of 10–17-year-olds. Nothing
is estimated: where the population is not in the warehouse the rate is missing (`..`),
and a suppressed count (`:`) stays suppressed.

Whether a kommune's rate differs from Norway's is decided the way FHI's public health
profiles mark "significantly higher/lower": the count over the period is treated as a
Poisson count and its exact (Garwood) 95 % interval, scaled to a rate, is compared with
Norway's rate for the same period and offence group. Only an interval wholly above or
below Norway's rate gives a verdict; otherwise the verdict is "no certain difference".
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

HERE = Path(__file__).parent
#: Two-sided level of the interval.
LEVEL = 0.95
#: How many years a period of each kind spans (a two-year average counts two years).
YEARS_IN = {"year": 1, "date": 1, "two_year": 2}
#: Verdict codes (their words are in the catalog: `verdict.<code>`).
HIGHER, LOWER, NO_DIFFERENCE = "hoyere", "lavere", "ingen_sikker_forskjell"
#: The area every kommune is compared with.
BENCHMARK_AREA = "norge"
KEY = (
    "year",
    "period",
    "measure",
    "place_role",
    "age_group",
    "offence_group",
    "offence_subgroup",
)


def interval(count: float, years: int, population: float) -> tuple[float, float]:
    """The exact 95 % interval of a rate per 1 000: `count` a year over `years` years."""
    # Imported here: scipy.stats takes ~0.7 s to import, and every start of the server
    # imports this module (startup checks whether the warehouse needs a build) though
    # only a build computes intervals.
    from scipy.stats import chi2

    events = round(count * years)  # a two-year average times two: the period's count
    alpha = 1 - LEVEL
    low = 0.0 if events == 0 else chi2.ppf(alpha / 2, 2 * events) / 2
    high = chi2.ppf(1 - alpha / 2, 2 * events + 2) / 2
    exposure = population * years
    return float(low / exposure * 1000), float(high / exposure * 1000)


def verdict(lower: float, upper: float, benchmark: float) -> str:
    """Higher or lower than the benchmark only when the whole interval is."""
    if lower > benchmark:
        return HIGHER
    if upper < benchmark:
        return LOWER
    return NO_DIFFERENCE


def compute(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every rate the warehouse's counts and populations allow, with interval and verdict."""
    rows = con.execute((HERE / "rates.sql").read_text(encoding="utf-8")).df()
    published = con.execute((HERE / "published_rates.sql").read_text(encoding="utf-8")).df()
    out = rows.copy()
    known = out["count"].notna() & out["population"].notna() & (out["population"] > 0)
    out["rate"] = (out["count"] / out["population"] * 1000).where(known)
    # No rate: the count's own symbol (suppressed stays suppressed), else "not available".
    out["status"] = None
    out.loc[~known, "status"] = out.loc[~known, "count_status"].fillna("..")
    bounds = [
        interval(c, YEARS_IN.get(kind, 1), p) if ok else (None, None)
        for c, p, kind, ok in zip(
            out["count"], out["population"], out["period_kind"], known, strict=True
        )
    ]
    out["lower"] = [b[0] for b in bounds]
    out["upper"] = [b[1] for b in bounds]

    # Norway's rate for the same period and breakdown: computed where Norway's population
    # is in the warehouse, else as SSB published it.
    norway = out[(out["municipality"] == BENCHMARK_AREA) & out["rate"].notna()]
    computed = norway[[*KEY, "rate", "source_id"]].assign(benchmark_kind="beregnet")
    stated = published[published["municipality"] == BENCHMARK_AREA]
    stated = stated[[*KEY, "rate", "source_id"]].assign(benchmark_kind="publisert")
    benchmarks = (
        pd.concat([computed, stated], ignore_index=True)
        .drop_duplicates(subset=list(KEY), keep="first")
        .rename(columns={"rate": "benchmark", "source_id": "benchmark_source_id"})
    )
    out = out.merge(benchmarks, on=list(KEY), how="left")
    kommune = (out["area_kind"] == "kommune") & out["rate"].notna() & out["benchmark"].notna()
    out["verdict"] = None
    out.loc[kommune, "verdict"] = [
        verdict(lo, hi, bench)
        for lo, hi, bench in zip(
            out.loc[kommune, "lower"],
            out.loc[kommune, "upper"],
            out.loc[kommune, "benchmark"],
            strict=True,
        )
    ]
    no_benchmark = ~out["municipality"].isin([BENCHMARK_AREA])
    out.loc[~no_benchmark, ["benchmark", "benchmark_kind", "benchmark_source_id"]] = None
    return out.drop(columns=["period_kind", "area_kind"])
