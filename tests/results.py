"""A chart's whole result as one comparable text, for tests that ask whether two results
are the same (an ignored parameter changed nothing; a kept result equals a fresh one)."""

from __future__ import annotations

import json

from dashboard.charts.registry import ChartResult


def everything(result: ChartResult) -> str:
    """All of a chart's result: figure, tables, words, source, message."""
    frames = [
        frame.to_json(orient="split", date_format="iso") if not frame.empty else ""
        for frame in (result.table, result.data)
    ]
    words = [result.title, result.subtitle, result.summary, result.notes, result.source]
    return json.dumps([result.figure, frames, words, result.message], default=str)
