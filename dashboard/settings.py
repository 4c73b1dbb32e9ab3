"""All configuration in one place.

Each field has a default that serves the embedded data on a fresh checkout, and a help
text; the README's settings table is checked against these by a test, so a setting
cannot exist undocumented. Only `Settings.from_env` reads the environment.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

#: The repository's embedded data directory (works for an editable install / checkout).
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _setting(default, help: str, env: str):
    return field(default=default, metadata={"help": help, "env": env})


@dataclass(frozen=True)
class Settings:
    """Runtime settings; construct with overrides in tests, `from_env()` in production."""

    data_dir: Path = _setting(
        DEFAULT_DATA_DIR,
        "Folder with the published figures (*.csv + *.meta.yml) the warehouse is built from.",
        "SLT_DATA_DIR",
    )
    warehouse: Path | None = _setting(
        None,
        "Path of the DuckDB warehouse file. Default: warehouse.duckdb inside the data folder.",
        "SLT_WAREHOUSE",
    )
    auto_build: bool = _setting(
        True,
        "Build the warehouse on start when it is missing or older than its inputs.",
        "SLT_AUTO_BUILD",
    )
    public_url: str = _setting(
        "",
        "The site's public address (e.g. `https://slt.example.no`), used for every absolute "
        "link it writes: canonical and og: tags, sitemap, robots.txt, QR codes, embed code, "
        "report README. Never taken from a request's Host header. Empty: "
        "`http://<SLT_HOST>:<SLT_PORT>` (what `slt-dashboard serve` listens on; 0.0.0.0 is "
        "written as 127.0.0.1). Set it in production.",
        "SLT_PUBLIC_URL",
    )
    host: str = _setting("127.0.0.1", "Address `slt-dashboard serve` listens on.", "SLT_HOST")
    port: int = _setting(8050, "Port `slt-dashboard serve` listens on.", "SLT_PORT")
    debug: bool = _setting(False, "Dash debug mode (never in production).", "SLT_DEBUG")
    default_language: str = _setting(
        "nb", "Language of the user interface when the URL has no `lang` (nb or en).", "SLT_LANG"
    )
    frame_ancestors: str = _setting(
        "'self'",
        "Sites allowed to embed the charts in an iframe (CSP frame-ancestors).",
        "SLT_FRAME_ANCESTORS",
    )
    embed_frame_ancestors: str = _setting(
        "*",
        "Sites allowed to frame the embeds under /embed/ (CSP frame-ancestors; `*` = any site, or e.g. `https://www.baerum.kommune.no`).",
        "SLT_EMBED_FRAME_ANCESTORS",
    )
    image_cache: Path | None = _setting(
        None,
        "Folder for rendered chart images (PNG/SVG). Default: image-cache/ beside the warehouse.",
        "SLT_IMAGE_CACHE",
    )
    image_timeout: int = _setting(
        30,
        "Seconds one chart image may take to render (and to wait for the renderer) before the request gets a 503 with a text fallback.",
        "SLT_IMAGE_TIMEOUT",
    )
    image_cache_mb: int = _setting(
        512,
        "Disk space (MB) the image cache (chart images and finished report ZIPs) may use; "
        "the least recently used files are removed beyond it.",
        "SLT_IMAGE_CACHE_MB",
    )
    work_slots: int = _setting(
        1,
        "Expensive jobs (drawing an image, building a ZIP or an Excel file) run at once on "
        "the whole server (all workers together); the rest of the cores serve pages.",
        "SLT_WORK_SLOTS",
    )
    work_queue: int = _setting(
        1,
        "Requests per worker that may wait for an expensive job (each holds one of the "
        "worker's threads while it waits: keep it below GUNICORN_THREADS); when more arrive "
        "the answer is 503 with Retry-After at once.",
        "SLT_WORK_QUEUE",
    )
    hsts_max_age: int = _setting(
        0,
        "Strict-Transport-Security max-age in seconds; 0 sends no HSTS header (turn on only "
        "when the site is served over HTTPS only, e.g. 31536000).",
        "SLT_HSTS_MAX_AGE",
    )
    static_cache: Path | None = _setting(
        None,
        "Folder where compressed static files are kept between starts (brotli's best level "
        "is slow; each file is compressed once per content). Default: ~/.cache/slt-statistikk.",
        "SLT_STATIC_CACHE",
    )
    callback_cache_mb: int = _setting(
        64,
        "Memory per worker for finished callback answers (same request, same warehouse: "
        "same answer); 0 turns the cache off.",
        "SLT_CALLBACK_CACHE_MB",
    )
    callback_cache_dir: Path | None = _setting(
        None,
        "Folder the workers share for finished callback answers (gunicorn.conf.py sets a fresh "
        "one in /dev/shm per server start); unset: each worker keeps its own.",
        "SLT_CALLBACK_CACHE_DIR",
    )
    callback_shared_mb: int = _setting(
        256,
        "Size bound (MB) of the folder the workers share for finished callback answers "
        "(SLT_CALLBACK_CACHE_DIR; on /dev/shm it is memory); the oldest answers are "
        "removed beyond it.",
        "SLT_CALLBACK_SHARED_MB",
    )
    feedback_email: str = _setting(
        "post@baerum.kommune.no",
        "Address the accessibility statement gives for feedback (a mailto link on "
        "/tilgjengelighet; default: Bærum kommune's public postmottak).",
        "SLT_FEEDBACK_EMAIL",
    )
    max_file_mb: int = _setting(
        25,
        "Largest data file or sidecar (MB) `build` and `import` read; a larger one is refused "
        "before it is read (published figures are a few kB a file).",
        "SLT_MAX_FILE_MB",
    )
    max_problems: int = _setting(
        100,
        "Problems reported per data file (and in all) before the rest are counted, not "
        "printed: one broken file cannot print a million lines.",
        "SLT_MAX_PROBLEMS",
    )
    publisher_name: str = _setting(
        "Bærum kommune",
        "Who publishes this site's open data: the publisher of the DCAT-AP-NO catalogue "
        "(/katalog.ttl), the author of the change feed and of the pages' schema.org Dataset.",
        "SLT_PUBLISHER",
    )
    publisher_orgnr: str = _setting(
        "",
        "The publisher's organisation number (Enhetsregisteret, 9 digits); when set, the "
        "catalogue names the publisher by its address in Felles datakatalog, as "
        "data.norge.no expects.",
        "SLT_PUBLISHER_ORGNR",
    )
    contact_email: str = _setting(
        "post@baerum.kommune.no",
        "Contact point for the open data (DCAT contact point, feed author, API description; "
        "default: Bærum kommune's public postmottak).",
        "SLT_CONTACT_EMAIL",
    )
    ssb_api: str = _setting(
        "https://data.ssb.no/api/pxwebapi/v2",
        "Base URL of Statistics Norway's PxWebApi v2 (for `slt-dashboard fetch-ssb`).",
        "SLT_SSB_API",
    )

    def __post_init__(self) -> None:
        if self.public_url and not _PUBLIC_URL.fullmatch(self.public_url):
            raise ValueError(
                f"Setting public_url: expected an address like https://slt.example.no "
                f"(http or https, a host, an optional port and path; no query), got "
                f"{self.public_url!r}"
            )

    @property
    def site_url(self) -> str:
        """The public address without a trailing slash: `public_url`, else where `serve`
        listens (a wildcard address is written as the loopback one)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address in a URL
        return f"http://{host}:{self.port}"

    @property
    def static_cache_dir(self) -> Path:
        """Where compressed static files are kept (explicit setting, else the user's cache)."""
        if self.static_cache is not None:
            return self.static_cache
        return Path.home() / ".cache" / "slt-statistikk"

    @property
    def warehouse_path(self) -> Path:
        """Where the warehouse lives (explicit setting, else inside the data folder)."""
        return self.warehouse if self.warehouse is not None else self.data_dir / "warehouse.duckdb"

    @property
    def image_cache_path(self) -> Path:
        """Where rendered images are cached (explicit setting, else beside the warehouse)."""
        if self.image_cache is not None:
            return self.image_cache
        return self.warehouse_path.parent / "image-cache"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from `SLT_*` environment variables; unset ones keep their default."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, f.type, raw)
        return replace(cls(), **values)

    @classmethod
    def documentation(cls) -> list[tuple[str, str, str, str]]:
        """(field, environment variable, default, help) for the README table."""
        return [
            (f.name, f.metadata["env"], str(f.default), f.metadata["help"]) for f in fields(cls)
        ]


#: An absolute http(s) address: scheme, host (name, IPv4 or [IPv6]), optional port, path.
_PUBLIC_URL = re.compile(r"https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(/[^\s?#]*)?")


def _parse(name: str, type_: object, raw: str) -> object:
    text = str(type_)
    if "bool" in text:
        if raw.lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.lower() in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"Setting {name}: expected true/false, got {raw!r}")
    if "int" in text:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"Setting {name}: expected a whole number, got {raw!r}") from None
    if "Path" in text:
        return Path(raw)
    return raw
