"""Start serving: make sure the warehouse is current, then assemble the app.

Building is the build package's job and assembling the web layer's; this module is the
one place that does both, so nothing on the serving path (charts/, web/) imports the
validator or the builder. `app.py`, `slt-dashboard serve`, the tests and the benchmarks
all start here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from dash import Dash

from dashboard.build import warehouse
from dashboard.build.datafiles import DataError, Limits
from dashboard.settings import Settings
from dashboard.web import factory
from dashboard.words import t
from dashboard.words.numbers import format_number

log = logging.getLogger(__name__)


def prepare(settings: Settings, say: Callable[[str], None] | None = None) -> None:
    """Build the warehouse when it is missing or older than its inputs.

    `say` (e.g. `print`) hears what is happening: a first build takes seconds, and a
    server that is silent meanwhile looks hung. Bad new data or a data folder that cannot
    be written must not take the site down: with a previous warehouse, that one is
    served (and the reason logged); without one, the error is raised.
    """
    lang = settings.default_language
    if not warehouse.is_stale(settings.data_dir, settings.warehouse_path):
        return
    if say:
        say(t("startup.building", lang, data=str(settings.data_dir)))
    started = time.perf_counter()
    try:
        limits = Limits(settings.max_file_mb * 1024 * 1024, settings.max_problems)
        report = warehouse.ensure_built(settings.data_dir, settings.warehouse_path, limits)
    except (DataError, OSError) as exc:
        if not settings.warehouse_path.exists():
            raise
        log.error(
            "data_invalid action=serving_previous path=%s error=%s",
            settings.warehouse_path,
            " | ".join(str(exc).splitlines()),
        )
        if say:
            say(t("startup.kept", lang))
        return
    if say and report is not None:
        seconds = format_number(time.perf_counter() - started, 1, lang)
        say(t("startup.built", lang, seconds=seconds, facts=format_number(report.facts, 0, lang)))


def create_app(settings: Settings | None = None, say: Callable[[str], None] | None = None) -> Dash:
    """The app for `settings` (default: every setting's default), warehouse made current."""
    settings = settings or Settings()
    if settings.auto_build:
        prepare(settings, say)
    return factory.assemble(settings)
